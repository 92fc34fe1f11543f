package org.currents.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class JsonProblemTest {
    private final ObjectMapper mapper = new ObjectMapper();

    private JsonProcessingException problem(String json) {
        return assertThrows(JsonProcessingException.class, () -> mapper.readTree(json));
    }

    @Test
    void anUnclosedArraySaysWhereItOpenedWithoutJacksonsSourceNote() {
        JsonProcessingException e = problem("{\"a\": 1,\n  \"b\": [1, 2");
        assertEquals("Unexpected end-of-input: expected close marker for Array (opened at line 2, column 8)",
                JsonProblem.of(e));
        assertEquals("Unexpected end-of-input: expected close marker for Array (opened at line 2, column 8), "
                + "at line 2, column 13", JsonProblem.located(e));
    }

    @Test
    void aStrayCharacterIsNamedWithItsPlace() {
        assertEquals("Unexpected character ('x' (code 120)): was expecting double-quote to start field name, "
                + "at line 1, column 3", JsonProblem.located(problem("{ x: 1 }")));
    }
}
