package dev.disclose.source;

import static org.assertj.core.api.Assertions.assertThat;

import dev.disclose.advisory.Advisory;
import dev.disclose.testing.TestSites;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ParsedFilesTest {
  @TempDir Path site;

  private Map<String, Advisory> read(ParsedFiles parsed) throws Exception {
    AdvisoryFiles files = Site.open(site, new PathDisplay(site)).withParsedFiles(parsed).files();
    return files.read(files.discover(new ArrayList<>())).advisories().stream()
        .collect(Collectors.toMap(Advisory::id, Function.identity()));
  }

  @Test
  void aFileWhoseBytesAreUnchangedIsNotParsedAgain() throws Exception {
    TestSites.copyTree(Path.of("src/test/resources/sites/basic"), site);
    ParsedFiles parsed = new ParsedFiles();
    Map<String, Advisory> first = read(parsed);
    assertThat(first).containsKeys("FIX-2025-0001", "FIX-2025-0002");

    Map<String, Advisory> second = read(parsed);
    for (String id : first.keySet()) assertThat(second.get(id)).as(id).isSameAs(first.get(id));

    Path edited = first.get("FIX-2025-0001").source().file();
    Files.writeString(site.resolve(first.get("FIX-2025-0001").source().relativePath()), "\nEdited in the preview.\n",
        StandardCharsets.UTF_8, StandardOpenOption.APPEND);
    Map<String, Advisory> third = read(parsed);
    assertThat(third.get("FIX-2025-0001")).isNotSameAs(first.get("FIX-2025-0001"));
    assertThat(third.get("FIX-2025-0001").details()).contains("Edited in the preview.");
    assertThat(third.get("FIX-2025-0001").source().file()).isEqualTo(edited);
    assertThat(third.get("FIX-2025-0002")).isSameAs(first.get("FIX-2025-0002"));
  }

  @Test
  void withoutTheCacheEveryReadParsesAgain() throws Exception {
    TestSites.copyTree(Path.of("src/test/resources/sites/basic"), site);
    AdvisoryFiles files = Site.open(site, new PathDisplay(site)).files();
    List<Path> paths = files.discover(new ArrayList<>());
    Advisory once = files.read(paths).advisories().get(0);
    Advisory again = files.read(paths).advisories().get(0);
    assertThat(again).isEqualTo(once).isNotSameAs(once);
  }
}
