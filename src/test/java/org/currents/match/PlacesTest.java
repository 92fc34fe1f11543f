package org.currents.match;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PlacesTest {
    @Test
    void capitalsStandForTheirPlaceByTheirFoldedForm() {
        Places p = Places.parse(List.of("Colombia: Colombian", "United States: American, US"),
                List.of("# comment", "Colombia: Bogota", "United States: Washington, Pentagon"));
        assertEquals(Optional.of("Colombia"), p.capitalOf("bogota"));
        assertEquals(Optional.of("United States"), p.capitalOf("pentagon"));
        assertEquals(Optional.empty(), p.capitalOf("lima"));
    }

    @Test
    void aCapitalOfAPlaceTheListDoesNotHaveIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Places.parse(List.of("Peru: Peruvian"), List.of("Chile: Santiago")));
        assertTrue(e.getMessage().contains("santiago of Chile"), e.getMessage());
    }

    @Test
    void everyShippedCapitalNamesAPlaceOfTheShippedList() {
        Places p = Places.standard();
        assertEquals(Optional.of("Afghanistan"), p.capitalOf("kabul"));
        assertEquals(Optional.of("Russia"), p.capitalOf("kremlin"));
        assertEquals(Optional.of("Haiti"), p.capitalOf("port-au-prince"));
        assertTrue(p.isPlace("Afghanistan"));
        assertEquals(Optional.of("United States"), p.placeOf("Yanks"), "a tabloid's word for Americans");
        assertEquals(Optional.empty(), p.placeOf("yank"), "the verb names no one");
    }
}
