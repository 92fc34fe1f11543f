package org.currents.match;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.junit.jupiter.api.Test;

class StemsTest {
    @Test
    void outletsWordsForOneThingFoldToOneStem() {
        assertEquals(Stems.of("lawmakers"), Stems.of("mps"));
        assertEquals(Stems.of("lawmakers"), Stems.of("legislators"));
        assertEquals(Stems.of("fire"), Stems.of("flames"));
        assertEquals(Stems.of("fire"), Stems.of("inferno"));
        assertEquals(Stems.of("sinks"), Stems.of("sank"));
        assertEquals(Stems.of("sinks"), Stems.of("capsized"));
        assertEquals(Stems.of("shia"), Stems.of("shiite"));
        assertEquals(Stems.of("ban"), Stems.of("outlaw"));
        assertEquals(Stems.of("million"), Stems.of("mln"));
        assertEquals(Stems.of("rebels"), Stems.of("insurgents"));
        assertEquals(Stems.of("kidnapped"), Stems.of("abducted"));
        assertEquals(Stems.of("warship"), Stems.of("destroyer"));
        assertEquals(Stems.of("missiles"), Stems.of("rockets"));
        assertEquals(Stems.of("killed"), Stems.of("deadly"));
        assertEquals(Stems.of("indicted"), Stems.of("charged"));
        assertEquals(Stems.of("bankruptcy"), Stems.of("liquidation"));
        assertEquals(Stems.of("border"), Stems.of("frontier"));
        assertEquals(Stems.of("inauguration"), Stems.of("sworn"));
        assertEquals(Stems.of("shelling"), Stems.of("artillery"));
        assertEquals(Stems.of("seized"), Stems.of("haul"));
        assertEquals(Stems.of("hostages"), Stems.of("captive"));
        assertEquals(Stems.of("ravine"), Stems.of("gorge"));
        assertEquals(Stems.of("plunges"), Stems.of("plummeted"));
        assertEquals(Stems.of("riots"), Stems.of("unrest"));
        assertEquals(Stems.of("graft"), Stems.of("corruption"));
        assertEquals(Stems.of("incursion"), Stems.of("invaded"));
        assertEquals(Stems.of("pontiff"), Stems.of("pope"));
        assertEquals(Stems.of("teens"), Stems.of("teenager"));
        assertEquals(Stems.of("kids"), Stems.of("children"));
        assertEquals(Stems.of("cops"), Stems.of("police"));
        assertEquals(Stems.of("crypto"), Stems.of("cryptocurrencies"));
        assertEquals(Stems.of("unemployment"), Stems.of("jobless"));
        assertEquals(Stems.of("equities"), Stems.of("stocks"));
        assertEquals(Stems.of("jet"), Stems.of("plane"));
        assertEquals(Stems.of("female"), Stems.of("women"));
        assertEquals(Stems.of("rail"), Stems.of("railway"));
        assertEquals(Stems.of("ladies"), Stems.of("women"));
        assertEquals(Stems.of("alarm"), Stems.of("alert"));
        assertEquals(Stems.of("trains"), Stems.of("railways"));
        assertNotEquals(Stems.of("train"), Stems.of("training"));
        assertEquals(Stems.of("remarks"), Stems.of("comments"));
    }

    @Test
    void aWordsInflectionsFoldToOneStem() {
        String[][] alike = {{"bombing", "bombings"}, {"bombed", "bombings"}, {"carries", "carried"},
            {"carry", "carrying"}, {"stops", "stopped"}, {"stop", "stopping"}, {"plans", "planned"},
            {"presses", "pressed"}, {"fills", "filled"}, {"meeting", "meetings"}, {"thing", "things"},
            {"names", "named"}, {"take", "taking"}, {"based", "base"}, {"hit", "hitting"}, {"tax", "taxes"},
            {"march", "marches"}, {"raise", "raising"}, {"injure", "injuring"}};
        for (String[] pair : alike) {
            assertEquals(Stems.of(pair[0]), Stems.of(pair[1]), pair[0] + " and " + pair[1]);
        }
        assertNotEquals(Stems.of("planned"), Stems.of("plane"));
        assertNotEquals(Stems.of("fire"), Stems.of("fired"));
    }

    @Test
    void britishSpellingsFoldToAmericanOnes() {
        assertEquals(Stems.of("organized"), Stems.of("organised"));
        assertEquals(Stems.of("organize"), Stems.of("organising"));
        assertEquals(Stems.of("realizes"), Stems.of("realises"));
        assertEquals(Stems.of("criticizes"), Stems.of("criticises"));
        assertEquals(Stems.of("labor"), Stems.of("labour"));
        assertEquals(Stems.of("favored"), Stems.of("favoured"));
        assertEquals(Stems.of("center"), Stems.of("centre"));
        assertEquals(Stems.of("theaters"), Stems.of("theatres"));
        assertEquals(Stems.of("defense"), Stems.of("defence"));
        assertEquals(Stems.of("kilometers"), Stems.of("km"));
    }

    @Test
    void shortWordsAndNearWordsKeepTheirOwnStems() {
        // "-our" and "-ise" fold only in longer words: "hours", "tours" and "raised" are words of their own.
        assertEquals("hour", Stems.of("hours"));
        assertEquals("tour", Stems.of("tours"));
        assertEquals("rais", Stems.of("raised"));
        // A murder says more than a death: the two stay apart.
        assertNotEquals(Stems.of("killed"), Stems.of("murder"));
        assertEquals(Stems.of("murders"), Stems.of("murder"));
    }
}
