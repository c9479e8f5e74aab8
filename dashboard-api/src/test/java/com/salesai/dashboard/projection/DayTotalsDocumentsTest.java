package com.salesai.dashboard.projection;

import org.bson.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.convert.MappingMongoConverter;
import org.springframework.data.mongodb.core.convert.NoOpDbRefResolver;
import org.springframework.data.mongodb.core.mapping.MongoMappingContext;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The direct mapping of totals documents reads what Spring Data's reflective mapping read, field for field. */
class DayTotalsDocumentsTest {

    private static final MappingMongoConverter SPRING_DATA =
            new MappingMongoConverter(NoOpDbRefResolver.INSTANCE, new MongoMappingContext());

    /** Every field set, none to its default value, so a field the mapping drops or swaps makes it unequal. */
    private static final DayTotals TOTALS = new DayTotals("org-1:2026-11-02", 7, "org-1", "2026-11-02", List.of(
            new DayTotals.Tally("user-1", "EVALUATED", "WON", "RECORDER", "Sales", "Élodie", 5, 4, 310, 3, 1.25,
                    List.of(new DayTotals.CriterionTally("budget", "Budget", 2, 150),
                            new DayTotals.CriterionTally("pain", "Douleur", 1, 60))),
            new DayTotals.Tally("user-2", "PENDING", "LOST", "SHARED", "Ops", "Bob", 9, 8, 640, 6, 2.5, List.of())));

    @BeforeAll
    static void prepare() {
        SPRING_DATA.afterPropertiesSet();
    }

    @Test
    void everyFieldIsReadAsWritten() {
        Document written = written();

        assertThat(DayTotalsDocuments.of(written)).isEqualTo(TOTALS).isEqualTo(SPRING_DATA.read(DayTotals.class,
                written));
    }

    @Test
    void aMissingFieldReadsAsSpringDataReadIt() {
        for (String path : paths(written(), "")) {
            Document doc = written();
            remove(doc, path);
            DayTotals read;
            try {
                read = SPRING_DATA.read(DayTotals.class, doc);
            } catch (RuntimeException springDataFailed) {
                // a missing number: no value for the record's primitive, the document fails to read
                assertThatThrownBy(() -> DayTotalsDocuments.of(doc)).as("without %s", path)
                        .isInstanceOf(IllegalStateException.class).hasMessageContaining(last(path));
                continue;
            }
            assertThat(DayTotalsDocuments.of(doc)).as("without %s", path).isEqualTo(read);
        }
    }

    @Test
    void numbersOfAnyWidthAreRead() {
        Document doc = written();
        doc.put("revision", 7);
        Document tally = doc.getList("tallies", Document.class).get(0);
        tally.put("calls", 5);
        tally.put("talkRatioSum", 1);

        assertThat(DayTotalsDocuments.of(doc)).isEqualTo(SPRING_DATA.read(DayTotals.class, doc));
        assertThat(DayTotalsDocuments.of(doc).tallies().get(0).talkRatioSum()).isEqualTo(1.0);
    }

    private static Document written() {
        Document doc = new Document();
        SPRING_DATA.write(TOTALS, doc);
        return doc;
    }

    /** Every field's path: "tallies", "tallies.0.calls", "tallies.0.criteria.1.label" ... */
    private static List<String> paths(Document doc, String prefix) {
        List<String> paths = new ArrayList<>();
        doc.forEach((key, value) -> {
            paths.add(prefix + key);
            if (value instanceof List<?> list) {
                for (int i = 0; i < list.size(); i++) {
                    if (list.get(i) instanceof Document element) {
                        paths.addAll(paths(element, prefix + key + "." + i + "."));
                    }
                }
            }
        });
        return paths;
    }

    private static String last(String path) {
        return path.substring(path.lastIndexOf('.') + 1);
    }

    private static void remove(Document doc, String path) {
        String[] parts = path.split("\\.");
        Document parent = doc;
        for (int i = 0; i < parts.length - 1; i += 2) {
            parent = parent.getList(parts[i], Document.class).get(Integer.parseInt(parts[i + 1]));
        }
        parent.remove(parts[parts.length - 1]);
    }
}
