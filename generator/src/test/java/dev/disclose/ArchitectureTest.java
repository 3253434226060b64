package dev.disclose;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.properties.HasName;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The layers, each depending only on those below it: the model; load; check; plan; the output
 * formats and the pages; the pipeline that runs the stages; the commands and the preview server.
 * The first arrow that runs back up, or any cycle between packages, fails here.
 */
@AnalyzeClasses(packages = "dev.disclose", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {
  static final String[] MODEL = {
    "dev.disclose.yaml..",
    "dev.disclose.text..",
    "dev.disclose.diagnostic..",
    "dev.disclose.advisory..",
    "dev.disclose.version..",
    "dev.disclose.ecosystem..",
    "dev.disclose.severity..",
    "dev.disclose.cwe..",
    "dev.disclose.config..",
    "dev.disclose.releases..",
    "dev.disclose.catalog..",
    "dev.disclose.markdown..",
    "dev.disclose.urls..",
    "dev.disclose.memo..",
    "dev.disclose.concurrent..",
    "dev.disclose.sealing.."
  };
  static final String[] FORMATS = {
    "dev.disclose.format..",
    "dev.disclose.osv..",
    "dev.disclose.govulndb..",
    "dev.disclose.rustsec..",
    "dev.disclose.ghsa..",
    "dev.disclose.announce..",
    "dev.disclose.cyclonedx..",
    "dev.disclose.cve..",
    "dev.disclose.csaf..",
    "dev.disclose.feed..",
    "dev.disclose.search..",
    "dev.disclose.discovery..",
    "dev.disclose.pages.."
  };
  static final String[] COMMANDS = {
    "dev.disclose.cli..",
    "dev.disclose.serve..",
    "dev.disclose.importing..",
    "dev.disclose.authoring..",
    "dev.disclose.summary..",
    "dev.disclose.report.."
  };

  @ArchTest
  static final ArchRule layersDependOnlyDownward =
      layeredArchitecture()
          .consideringOnlyDependenciesInLayers()
          .layer("model")
          .definedBy(MODEL)
          .layer("load")
          .definedBy("dev.disclose.load..")
          .layer("check")
          .definedBy("dev.disclose.check..")
          .layer("plan")
          .definedBy("dev.disclose.plan..")
          .layer("formats and pages")
          .definedBy(FORMATS)
          .layer("pipeline")
          .definedBy("dev.disclose.pipeline..")
          .layer("commands")
          .definedBy(COMMANDS)
          .whereLayer("commands")
          .mayNotBeAccessedByAnyLayer()
          .whereLayer("pipeline")
          .mayOnlyBeAccessedByLayers("commands")
          .whereLayer("formats and pages")
          .mayOnlyBeAccessedByLayers("pipeline", "commands")
          .whereLayer("plan")
          .mayOnlyBeAccessedByLayers("formats and pages", "pipeline", "commands")
          .whereLayer("check")
          .mayOnlyBeAccessedByLayers("plan", "formats and pages", "pipeline", "commands")
          .whereLayer("load")
          .mayOnlyBeAccessedByLayers("check", "plan", "formats and pages", "pipeline", "commands");

  @ArchTest
  static final ArchRule noPackageCycles =
      slices().matching("dev.disclose.(*)..").should().beFreeOfCycles();

  /**
   * Formats know the model and what the plan made (its products), never how it planned: the
   * planner, its page families and its views' makers.
   */
  @ArchTest
  static final ArchRule formatsReadOnlyThePlansProducts =
      noClasses()
          .that()
          .resideInAnyPackage(FORMATS)
          .should()
          .dependOnClassesThat(
              JavaClass.Predicates.resideInAPackage("dev.disclose.plan..")
                  .and(
                      DescribedPredicate.not(
                          HasName.Predicates.nameMatching(
                              "dev\\.disclose\\.plan\\.(Publication|SitePlan|PageSpec|Feed|SearchDoc"
                                  + "|SitemapEntry|Views)(\\$.*)?"))));

  /** Only the commands leave the process: nothing below them exits. */
  @ArchTest
  static final ArchRule onlyTheCliExits =
      noClasses()
          .that()
          .resideOutsideOfPackage("dev.disclose.cli..")
          .should()
          .callMethod(System.class, "exit", int.class);
}
