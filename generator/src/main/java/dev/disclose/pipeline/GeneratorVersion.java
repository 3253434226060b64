package dev.disclose.pipeline;

/**
 * The generator's version, as the jar's manifest states it, or {@code dev} when run from classes.
 */
public final class GeneratorVersion {
  private GeneratorVersion() {}

  public static String current() {
    String version = GeneratorVersion.class.getPackage().getImplementationVersion();
    return version == null ? "dev" : version;
  }
}
