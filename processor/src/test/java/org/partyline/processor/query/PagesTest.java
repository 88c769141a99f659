package org.partyline.processor.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PagesTest {
    private static final List<String> IDS = List.of("a", "b", "c", "d", "e");

    @Test
    void shouldWalkEveryItemOnceFollowingNext() {
        List<String> seen = new ArrayList<>();
        Optional<Cursor> after = Optional.empty();
        int pages = 0;
        do {
            Page<String> page = Page.of(IDS, new PageRequest(2, after), Cursor::of);
            seen.addAll(page.items());
            after = page.next().map(c -> Cursor.decode(c.encode(), 1).orElseThrow());
            pages++;
        } while (after.isPresent());
        assertEquals(IDS, seen);
        assertEquals(3, pages);
    }

    @Test
    void shouldGiveNoNextOnAnExactlyFullLastPage() {
        Page<String> page = Page.of(List.of("a", "b"), PageRequest.first(2), Cursor::of);
        assertEquals(List.of("a", "b"), page.items());
        assertEquals(null, page.nextToken());
    }

    @Test
    void shouldRoundTripCursorsWithSeveralParts() {
        Cursor cursor = Cursor.of("2025-12-05T14:00:00.000Z", "ev-1", "ukraine-nato-membership");
        assertEquals(Optional.of(cursor), Cursor.decode(cursor.encode(), 3));
        assertTrue(cursor.encode().length() <= Cursor.MAX_LENGTH);
    }

    @Test
    void shouldRefuseMalformedCursorsAndLimitsAsInvalid() {
        for (String bad : List.of("not base64!", "", "x".repeat(513), Cursor.of("a", "b").encode())) {
            assertInstanceOf(QueryResult.Invalid.class,
                    PageRequest.with(null, bad, 1, r -> new QueryResult.Found<>(r)), bad);
        }
        for (String bad : List.of("0", "1001", "-5", "ten")) {
            assertInstanceOf(QueryResult.Invalid.class,
                    PageRequest.with(bad, null, 1, r -> new QueryResult.Found<>(r)), bad);
        }
        assertEquals(new QueryResult.Found<>(new PageRequest(1000, Optional.empty())),
                PageRequest.with("1000", null, 1, r -> new QueryResult.Found<>(r)));
    }

    @Test
    void shouldStartAfterTheCursorEvenWhenItsItemIsGone() {
        Page<String> page = Page.of(List.of("a", "c", "d"), new PageRequest(10, Optional.of(Cursor.of("b"))),
                Cursor::of);
        assertEquals(List.of("c", "d"), page.items());
    }
}
