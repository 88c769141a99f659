package org.partyline.events.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;

import org.junit.jupiter.api.Test;

class ErrorMessagesTest {

    @Test
    void shouldAddTheCauseOnlyWhenItsMessageIsNotAlreadyThere() {
        assertEquals("send failed: connection refused",
                ErrorMessages.describe(new IllegalStateException("send failed", new IOException("connection refused"))));
        assertEquals("send failed: connection refused", ErrorMessages.describe(
                new IllegalStateException("send failed: connection refused", new IOException("connection refused"))));
    }

    @Test
    void shouldNameTheClassOfAnExceptionWithoutMessage() {
        assertEquals("IllegalStateException", ErrorMessages.describe(new IllegalStateException()));
    }
}
