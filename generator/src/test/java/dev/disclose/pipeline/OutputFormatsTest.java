package dev.disclose.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import dev.disclose.format.OutputFormat;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The registry of formats: each format class registered once, under a name of its own, in a folder
 * of its own.
 */
class OutputFormatsTest {
  @Test
  void everyFormatClassIsRegistered() {
    List<String> implementations =
        new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.disclose")
                .stream()
                .filter(
                    c ->
                        c.isAssignableTo(OutputFormat.class)
                            && !c.isInterface()
                            && !c.getModifiers().contains(JavaModifier.ABSTRACT))
                .map(JavaClass::getName)
                .sorted()
                .toList();
    assertThat(
            Stream.concat(OutputFormats.ALL.stream(), OutputFormats.EXPORT_ONLY.stream())
                .map(f -> f.getClass().getName())
                .sorted()
                .toList())
        .isEqualTo(implementations);
  }

  @Test
  void namesAreUniqueAndFoldersAreRelative() {
    assertThat(OutputFormats.exportNames())
        .doesNotHaveDuplicates()
        .allMatch(n -> n.matches("[a-z][a-z-]*"));
    // The site's formats are what site-config.yaml's formats: may name; export-only ones are not.
    assertThat(OutputFormats.names())
        .doesNotContainAnyElementsOf(
            OutputFormats.EXPORT_ONLY.stream().map(OutputFormat::name).toList());
    for (OutputFormat f :
        Stream.concat(OutputFormats.ALL.stream(), OutputFormats.EXPORT_ONLY.stream()).toList()) {
      assertThat(f.folder()).as(f.name()).matches("|([a-z.][a-z-]*/)+");
      assertThat(f.summary()).as(f.name()).endsWith(".");
      assertThat(OutputFormats.named(f.name())).containsSame(f);
    }
  }
}
