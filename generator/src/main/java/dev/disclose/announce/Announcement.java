package dev.disclose.announce;

/**
 * One post to one list: the advisory it announces, the list, the addresses, the subject and the
 * plain-text body, lines of at most 72 columns where the text allows.
 */
public record Announcement(
    String advisoryId, String list, String from, String to, String subject, String body) {}
