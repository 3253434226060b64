package dev.disclose.advisory;

/** Why and when an advisory was withdrawn. */
public record Withdrawal(Timestamp date, String reason) {}
