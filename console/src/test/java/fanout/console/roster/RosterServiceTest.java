package fanout.console.roster;

import static fanout.console.mapping.LocalTargets.CLOCK;
import static fanout.console.mapping.LocalTargets.SOURCE;
import static org.assertj.core.api.Assertions.assertThat;

import fanout.console.mapping.InMemoryMappingRepository;
import fanout.console.workshop.WorkshopCatalog;
import fanout.mapping.Mapping;
import java.io.StringReader;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RosterServiceTest {
    private static final String CLASS =
            "id,account,region,name,helper\n"
                    + "ab12,111122223333,us-west-2,Ada Byron,table-1\n"
                    + "cd34,111122223333,us-west-2,Charles Dodgson,table-1\n"
                    + "ef56,444455556666,us-east-1,Emmy Fischer,table-2\n";

    private final InMemoryMappingRepository repository = new InMemoryMappingRepository(CLOCK);
    private final RosterService service =
            new RosterService(
                    new WorkshopCatalog(Optional.empty()).load("hello-retail"), repository);

    private RosterPlan plan(String csv) {
        return service.plan(new StringReader(csv), "class.csv", SOURCE);
    }

    @Test
    void aFirstImportCreatesEveryRowWithTheWorkshopsTemplates() {
        RosterPlan plan = plan(CLASS);
        assertThat(plan.of(RosterChange.Kind.NEW)).hasSize(3);
        ImportResult result = service.apply(plan, false, false);
        assertThat(result.created()).containsExactly("ab12", "cd34", "ef56");
        Mapping ef56 = repository.get(SOURCE, "ef56").orElseThrow();
        assertThat(ef56.destination()).isEqualTo("ef56Stream");
        assertThat(ef56.region()).isEqualTo("us-east-1");
        assertThat(ef56.role()).isEqualTo("arn:aws:iam::444455556666:role/ef56StreamWriter");
        assertThat(ef56.parallel()).isFalse();
        assertThat(ef56.active()).isFalse();
        assertThat(ef56.origin()).isEqualTo("roster");
        assertThat(ef56.name()).isEqualTo("Emmy Fischer");
    }

    @Test
    void reimportingTheSameFileChangesNothingAndSaysSo() {
        service.apply(plan(CLASS), true, false);
        RosterPlan again = plan(CLASS);
        assertThat(again.of(RosterChange.Kind.UNCHANGED)).hasSize(3);
        ImportResult result = service.apply(again, true, false);
        assertThat(result.nothingDone()).isTrue();
        assertThat(result.summary()).isEqualTo("3 unchanged, nothing to do");
        assertThat(repository.get(SOURCE, "ab12").orElseThrow().version()).isEqualTo(1);
    }

    @Test
    void aChangedRowListsItsDifferencesAndKeepsItsActivation() {
        service.apply(plan(CLASS), true, false);
        RosterPlan changed = plan(CLASS.replace("Ada Byron,table-1", "Ada Lovelace,table-9"));
        assertThat(changed.of(RosterChange.Kind.CHANGED))
                .singleElement()
                .satisfies(
                        c ->
                                assertThat(c.differences())
                                        .containsExactly(
                                                "name: Ada Byron -> Ada Lovelace",
                                                "helper: table-1 -> table-9"));
        ImportResult result = service.apply(changed, false, false);
        assertThat(result.updated()).containsExactly("ab12");
        Mapping ab12 = repository.get(SOURCE, "ab12").orElseThrow();
        assertThat(ab12.name()).isEqualTo("Ada Lovelace");
        assertThat(ab12.active()).isTrue();
    }

    @Test
    void activateAlsoActivatesUnchangedInactiveRows() {
        service.apply(plan(CLASS), false, false);
        ImportResult result = service.apply(plan(CLASS), true, false);
        assertThat(result.activated()).containsExactly("ab12", "cd34", "ef56");
        assertThat(repository.listAll()).allMatch(Mapping::active);
    }

    @Test
    void pruneRemovesRowsNotInTheRosterButNeverOnesOnAnInvalidLine() {
        service.apply(plan(CLASS), false, false);
        RosterPlan smaller = plan("id,account\n" + "ab12,111122223333\n" + "cd34,1111\n");
        assertThat(smaller.of(RosterChange.Kind.REMOVED))
                .extracting(RosterChange::id)
                .containsExactly("ef56");
        ImportResult result = service.apply(smaller, false, true);
        assertThat(result.removed()).containsExactly("ef56");
        assertThat(result.invalid()).isEqualTo(1);
        assertThat(result.complete()).isFalse();
        assertThat(repository.get(SOURCE, "cd34")).isPresent();
    }

    @Test
    void withoutPruneRowsNotInTheRosterAreKept() {
        service.apply(plan(CLASS), false, false);
        RosterPlan smaller = plan("id,account\nab12,111122223333\n");
        service.apply(smaller, false, false);
        assertThat(repository.listAll()).hasSize(3);
        assertThat(smaller.summary(false))
                .contains("2 not in the roster (kept; --prune removes them)");
    }

    @Test
    void invalidLinesAreNeverWrittenButValidOnesAre() {
        RosterPlan plan = plan(CLASS + "bad!,111122223333\n");
        ImportResult result = service.apply(plan, false, false);
        assertThat(result.created()).hasSize(3);
        assertThat(result.invalid()).isEqualTo(1);
        assertThat(result.summary()).contains("1 invalid line not written");
        assertThat(repository.listAll()).extracting(Mapping::id).doesNotContain("bad!");
    }

    @Test
    void anExportedRosterImportsBackUnchanged() {
        service.apply(plan(CLASS), false, false);
        StringBuilder csv = new StringBuilder(String.join(",", RosterColumns.ALL)).append('\n');
        for (var row : service.export(SOURCE)) {
            csv.append(String.join(",", row)).append('\n');
        }
        RosterPlan again = plan(csv.toString());
        assertThat(again.problems()).isEmpty();
        assertThat(again.of(RosterChange.Kind.UNCHANGED)).hasSize(3);
    }

    @Test
    void aRoleInAnotherAccountThanTheStreamIsAWarning() {
        RosterPlan plan =
                plan(
                        "id,account,role\n"
                                + "ab12,111122223333,arn:aws:iam::999988887777:role/ab12StreamWriter\n");
        assertThat(plan.warnings())
                .singleElement()
                .asString()
                .contains("line 2")
                .contains("999988887777");
        assertThat(plan.problems()).isEmpty();
    }

    @Test
    void aRowChangedByAnotherWriterAfterThePlanIsReportedAndNotOverwritten() {
        service.apply(plan(CLASS), false, false);
        RosterPlan changed = plan(CLASS.replace("Ada Byron", "Ada Lovelace"));
        Mapping meanwhile = repository.get(SOURCE, "ab12").orElseThrow();
        repository.update(meanwhile.withParallel(true));
        ImportResult result = service.apply(changed, false, false);
        assertThat(result.failures()).singleElement().asString().contains("'ab12'");
        assertThat(result.complete()).isFalse();
        assertThat(repository.get(SOURCE, "ab12").orElseThrow().name()).isEqualTo("Ada Byron");
    }
}
