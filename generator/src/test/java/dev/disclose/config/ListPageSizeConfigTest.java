package dev.disclose.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code list_page_size} in site-config.yaml: how many rows a page of a list shows. */
class ListPageSizeConfigTest {
  private static SiteConfigLoader.Loaded read(String rest) {
    return SiteConfigLoader.parse(
        "title: T\nbase_url: https://example.org/\nid_prefix: FIX\n"
            + "security_contact: mailto:s@example.org\n"
            + rest,
        Path.of("site-config.yaml"),
        List.of("osv"));
  }

  @Test
  void aPageOfAListHoldsAHundredRowsUnlessConfigured() {
    assertThat(read("").config().listPageSize()).isEqualTo(100);
    assertThat(read("list_page_size: 25\n").config().listPageSize()).isEqualTo(25);
    assertThat(read("list_page_size: 25\n").diagnostics()).isEmpty();
  }

  @Test
  void aSizeOutsideOneToAThousandIsReportedWhereItIsWrittenAndTheDefaultKept() {
    for (String value : List.of("0", "1001", "many", "-5")) {
      SiteConfigLoader.Loaded loaded = read("list_page_size: " + value + "\n");
      assertThat(loaded.config().listPageSize()).isEqualTo(100);
      assertThat(loaded.diagnostics())
          .singleElement()
          .satisfies(
              d -> {
                assertThat(d.position().line()).isEqualTo(5);
                assertThat(d.rule().code()).isEqualTo("S004");
                assertThat(d.message())
                    .isEqualTo(
                        "`list_page_size` is `"
                            + value
                            + "`; write how many advisories or packages a page of a list shows,"
                            + " 1 to 1000 (default 100)");
              });
    }
  }
}
