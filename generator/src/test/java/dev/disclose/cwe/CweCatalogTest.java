package dev.disclose.cwe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.StringReader;
import org.junit.jupiter.api.Test;

class CweCatalogTest {

  private final CweCatalog catalog = CweCatalog.bundled();

  @Test
  void knowsWellKnownWeaknessesByTheirMitreNames() {
    assertThat(catalog.name(79))
        .contains(
            "Improper Neutralization of Input During Web Page Generation ('Cross-site Scripting')");
    assertThat(catalog.name(22))
        .contains("Improper Limitation of a Pathname to a Restricted Directory ('Path Traversal')");
    assertThat(catalog.name(1321))
        .contains(
            "Improperly Controlled Modification of Object Prototype Attributes ('Prototype Pollution')");
    assertThat(catalog.isKnown(79)).isTrue();
    assertThat(catalog.isKnown(1321)).isTrue();
  }

  @Test
  void aCweIdsNumberIsReadFromItsOneToSevenDigits() {
    assertThat(CweCatalog.number("CWE-79")).hasValue(79);
    assertThat(CweCatalog.number("CWE-079")).hasValue(79);
    assertThat(CweCatalog.number("CWE-1234567")).hasValue(1234567);
    for (String notOne :
        new String[] {
          "CWE-", "CWE-12345678", "CWE-7a", "cwe-79", "79", "NVD-CWE-noinfo", "CWE-79 "
        }) {
      assertThat(CweCatalog.number(notOne)).as(notOne).isEmpty();
    }
  }

  @Test
  void idsOutsideTheListAreUnknown() {
    assertThat(catalog.isKnown(0)).isFalse();
    assertThat(catalog.name(0)).isEmpty();
    assertThat(catalog.isKnown(999999)).isFalse();
    assertThat(catalog.name(999999)).isEmpty();
    assertThat(catalog.isKnown(-79)).isFalse();
  }

  @Test
  void categoriesAndViewsAreKnownToo() {
    assertThat(catalog.entry(1000)).get().extracting(CweCatalog.Entry::kind).isEqualTo("view");
    assertThat(catalog.name(1000)).contains("Research Concepts");
    assertThat(catalog.entry(1345)).get().extracting(CweCatalog.Entry::kind).isEqualTo("category");
    assertThat(catalog.entry(79)).get().extracting(CweCatalog.Entry::kind).isEqualTo("weakness");
  }

  @Test
  void deprecatedEntriesAreKnownAndMarked() {
    assertThat(catalog.isKnown(132)).isTrue();
    assertThat(catalog.isDeprecated(132)).isTrue();
    assertThat(catalog.name(132)).get().asString().startsWith("DEPRECATED:");
    assertThat(catalog.isDeprecated(79)).isFalse();
    assertThat(catalog.isDeprecated(999999)).isFalse();
  }

  @Test
  void versionAndSizeComeFromTheBundledList() {
    assertThat(catalog.version()).isEqualTo("4.15");
    assertThat(catalog.size()).isGreaterThan(1300);
    assertThat(CweCatalog.bundled()).isSameAs(catalog);
  }

  @Test
  void parsesTwoColumnLinesAndRequiresAVersion() throws Exception {
    CweCatalog small =
        CweCatalog.parse(
            new BufferedReader(
                new StringReader(
                    "# test list, CWE version 9.9\n1\tOne\n\n2\tTwo\tview\tdeprecated\n")));
    assertThat(small.version()).isEqualTo("9.9");
    assertThat(small.size()).isEqualTo(2);
    assertThat(small.name(1)).contains("One");
    assertThat(small.isDeprecated(2)).isTrue();
    assertThatThrownBy(() -> CweCatalog.parse(new BufferedReader(new StringReader("1\tOne\n"))))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("no CWE version");
  }
}
