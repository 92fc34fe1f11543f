package org.currents.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;
import org.currents.event.Context;
import org.currents.event.ContextKind;
import org.currents.event.ContextSummary;
import org.junit.jupiter.api.Test;

class ContextOfferTest {
    private static final Instant T = Instant.parse("2018-01-20T00:00:00Z");

    private static ContextSummary summary(String name, ContextKind kind, int events, boolean hidden) {
        return new ContextSummary(Context.named(name, kind), events, T, 1, hidden);
    }

    private static List<String> names(List<ContextSummary> list) {
        return list.stream().map(c -> c.context().name()).toList();
    }

    @Test
    void offersStoriesThenSubjectsThenCategoriesThenSourceGroupsBusiestFirst() {
        List<ContextSummary> all = List.of(
                summary("World", ContextKind.CATEGORY, 9, false),
                summary("Russia", ContextKind.SUBJECT, 3, false),
                summary("Wire services", ContextKind.SOURCE_GROUP, 20, false),
                summary("Syrian Civil War", ContextKind.STORY, 2, false),
                summary("Donald Trump", ContextKind.SUBJECT, 5, false),
                summary("China", ContextKind.SUBJECT, 3, false));
        assertEquals(List.of("Syrian Civil War", "Donald Trump", "China", "Russia", "World", "Wire services"),
                names(new ContextOffer(2).catalogue(all)));
    }

    @Test
    void leavesOutHiddenContextsOnesTooSmallAndSubjectsThatNameNoOne() {
        List<ContextSummary> all = List.of(
                summary("Hidden story", ContextKind.STORY, 9, true),
                summary("Nepal", ContextKind.SUBJECT, 1, false),
                summary("policy", ContextKind.SUBJECT, 4, false),
                summary("Prime Minister", ContextKind.SUBJECT, 6, false),
                summary("Government", ContextKind.SUBJECT, 5, false),
                summary("Prime Minister of India", ContextKind.SUBJECT, 2, false),
                summary("Government", ContextKind.CATEGORY, 3, false));
        assertEquals(List.of("Prime Minister of India", "Government"), names(new ContextOffer(2).catalogue(all)));
        assertEquals(List.of("Prime Minister of India", "Nepal", "Government"),
                names(new ContextOffer(1).catalogue(all)));
    }
}
