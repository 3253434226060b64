package dev.disclose.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import dev.disclose.format.OutputFormat;
import java.util.List;
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
    assertThat(OutputFormats.ALL.stream().map(f -> f.getClass().getName()).sorted().toList())
        .isEqualTo(implementations);
  }

  @Test
  void namesAreUniqueAndFoldersAreRelative() {
    assertThat(OutputFormats.names())
        .doesNotHaveDuplicates()
        .allMatch(n -> n.matches("[a-z][a-z-]*"));
    for (OutputFormat f : OutputFormats.ALL) {
      assertThat(f.folder()).as(f.name()).matches("|[a-z.][a-z-]*/");
      assertThat(f.summary()).as(f.name()).endsWith(".");
      assertThat(OutputFormats.named(f.name())).containsSame(f);
    }
  }
}
