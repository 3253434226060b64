package dev.disclose.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * `branch` accepts what `git check-ref-format --branch` accepts (checked against git 2.39 here).
 */
class BranchNameTest {
  @Test
  void gitsBranchNamesAreAccepted() {
    for (String ok :
        List.of("main", "master", "release/1.2", "feature+x", "v1@2", "fix_typo-2", "a.b/c.d")) {
      assertThat(SiteConfigLoader.isBranchName(ok)).as(ok).isTrue();
    }
  }

  @Test
  void whatGitRefusesIsRefused() {
    for (String bad :
        List.of(
            "",
            "@",
            "-x",
            "/main",
            "main/",
            "main.",
            ".hidden",
            "a/.b",
            "main.lock",
            "a//b",
            "a..b",
            "a@{b",
            "main; rm -rf /",
            "a b",
            "a~1",
            "a^",
            "a:b",
            "a?",
            "a*",
            "a[b",
            "a\\b",
            "a\u0007")) {
      assertThat(SiteConfigLoader.isBranchName(bad)).as(bad).isFalse();
    }
  }
}
