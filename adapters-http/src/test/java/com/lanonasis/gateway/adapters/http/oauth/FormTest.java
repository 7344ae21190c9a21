package com.lanonasis.gateway.adapters.http.oauth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** OAuth request parameters from a form body. */
class FormTest {

    @Test
    void valuesAreDecodedAndRepeatedResourcesKept() {
        Form form = Form.parseUrlEncoded("grant_type=authorization_code&redirect_uri=https%3A%2F%2Fa.example%2Fcb"
                + "&resource=https%3A%2F%2Fx%2Fmcp&resource=https%3A%2F%2Fx%2Fapi%2Fv1&scope=a+b&empty").orElseThrow();

        assertEquals("authorization_code", form.get("grant_type"));
        assertEquals("https://a.example/cb", form.get("redirect_uri"));
        assertEquals("a b", form.get("scope"));
        assertEquals("", form.get("empty"));
        assertNull(form.get("absent"));
        assertEquals(List.of("https://x/mcp", "https://x/api/v1"), form.all("resource"));
        assertEquals(Optional.empty(), form.repeatedParameter());
    }

    @Test
    void aRepeatedSingleValuedParameterIsNamed() {
        Form form = Form.parseUrlEncoded("code=a&code=b").orElseThrow();

        assertEquals(Optional.of("code"), form.repeatedParameter());
    }

    @Test
    void aBrokenEscapeIsNoForm() {
        assertTrue(Form.parseUrlEncoded("code=%zz").isEmpty());
        assertTrue(Form.parseUrlEncoded("").orElseThrow().all("code").isEmpty());
    }
}
