package dev.disclose.severity;

import static org.assertj.core.api.Assertions.assertThat;

import dev.disclose.severity.CvssBreakdown.Metric;
import java.util.List;
import org.junit.jupiter.api.Test;

class CvssBreakdownTest {
  @Test
  void spellsOutTheBaseMetricsOfEachVersion() {
    assertThat(CvssBreakdown.of("CVSS:3.1/AV:N/AC:L/PR:N/UI:R/S:C/C:H/I:L/A:N"))
        .containsExactly(
            new Metric("AV", "N", "Attack Vector", "Network"),
            new Metric("AC", "L", "Attack Complexity", "Low"),
            new Metric("PR", "N", "Privileges Required", "None"),
            new Metric("UI", "R", "User Interaction", "Required"),
            new Metric("S", "C", "Scope", "Changed"),
            new Metric("C", "H", "Confidentiality", "High"),
            new Metric("I", "L", "Integrity", "Low"),
            new Metric("A", "N", "Availability", "None"));
    assertThat(CvssBreakdown.of("CVSS:4.0/AV:L/AT:P/UI:A/SC:H/E:P"))
        .containsExactly(
            new Metric("AV", "L", "Attack Vector", "Local"),
            new Metric("AT", "P", "Attack Requirements", "Present"),
            new Metric("UI", "A", "User Interaction", "Active"),
            new Metric("SC", "H", "Confidentiality (subsequent systems)", "High"),
            new Metric("E", "P", "Exploit Maturity", "Proof of concept"));
    assertThat(CvssBreakdown.of("AV:A/AC:M/Au:S/C:P"))
        .containsExactly(
            new Metric("AV", "A", "Access Vector", "Adjacent network"),
            new Metric("AC", "M", "Access Complexity", "Medium"),
            new Metric("Au", "S", "Authentication", "Single"),
            new Metric("C", "P", "Confidentiality", "Partial"));
  }

  @Test
  void showsWhatItCannotNameAsWritten() {
    assertThat(CvssBreakdown.of("CVSS:3.1/AV:Q/RL:O/AC:L:x/novalue/:N"))
        .containsExactly(
            new Metric("AV", "Q", "Attack Vector", "Q"),
            new Metric("RL", "O", "RL", "O"),
            new Metric("AC", "L:x", "Attack Complexity", "L:x"));
    // The same letters mean other things in another version.
    assertThat(CvssBreakdown.of("CVSS:4.0/UI:P"))
        .containsExactly(new Metric("UI", "P", "User Interaction", "Passive"));
    assertThat(CvssBreakdown.of("CVSS:3.1/UI:P"))
        .containsExactly(new Metric("UI", "P", "User Interaction", "P"));
  }

  @Test
  void advisoriesShareTheMetricsTheyHaveInCommon() {
    List<Metric> one = CvssBreakdown.of("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H");
    List<Metric> other = CvssBreakdown.of("CVSS:3.0/AV:N/AC:H/PR:N/UI:N/S:U/C:H/I:N/A:N");
    assertThat(other.get(0)).isSameAs(one.get(0));
    assertThat(other.get(5)).isSameAs(one.get(5));
  }
}
