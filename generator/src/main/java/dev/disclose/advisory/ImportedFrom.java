package dev.disclose.advisory;

import java.util.Map;

/**
 * Where an imported advisory came from: the database that published it and the record's ID there.
 * Such an advisory holds another database's data as published, so findings that do not stop the
 * site from rendering it correctly are warnings on it, where they are errors in a hand-written one.
 */
public record ImportedFrom(String database, String id) {
  /** The databases whose IDs say where a record comes from, by ID prefix. */
  private static final Map<String, String> DATABASES =
      Map.of(
          "GO", "the Go vulnerability database",
          "PYSEC", "the Python Packaging Advisory Database",
          "RUSTSEC", "the RustSec advisory database",
          "GHSA", "the GitHub Advisory Database",
          "CVE", "the CVE list",
          "OSV", "OSV",
          "PSF", "the Python Software Foundation's advisories");

  /** The record {@code id}, from the database its ID's prefix names. */
  public static ImportedFrom of(String id) {
    int dash = id.indexOf('-');
    String prefix = dash > 0 ? id.substring(0, dash) : id;
    return new ImportedFrom(DATABASES.getOrDefault(prefix, "the " + prefix + " database"), id);
  }

  /** How a finding names the source: "GO-2023-2380 of the Go vulnerability database". */
  public String describe() {
    return id + " of " + database;
  }
}
