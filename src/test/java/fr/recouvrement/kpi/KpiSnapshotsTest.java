package fr.recouvrement.kpi;

import static org.assertj.core.api.Assertions.assertThat;

import fr.recouvrement.FastTest;
import java.time.Instant;
import java.time.OffsetDateTime;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The next snapshot is at 06:00 in Paris, whatever the JVM's zone and across the changes of the clocks. */
@FastTest
class KpiSnapshotsTest {

    @ParameterizedTest
    @CsvSource({
        // now, in UTC                 next snapshot, in UTC
        "2026-11-24T04:59:59Z,         2026-11-24T05:00:00Z",   // 05:59:59 in Paris (winter, +01:00): today
        "2026-11-24T05:00:00Z,         2026-11-25T05:00:00Z",   // 06:00 exactly: the one of today is being taken
        "2026-11-24T22:30:00Z,         2026-11-25T05:00:00Z",   // 23:30 in Paris
        "2026-11-24T23:30:00Z,         2026-11-25T05:00:00Z",   // 00:30 on the 25th in Paris, 23:30 on the 24th in UTC
        "2026-03-28T10:00:00Z,         2026-03-29T04:00:00Z",   // summer time from 02:00 on the 29th: +02:00
        "2026-10-24T10:00:00Z,         2026-10-25T05:00:00Z",   // winter time from 03:00 on the 25th: +01:00
        "2026-07-01T03:59:00Z,         2026-07-01T04:00:00Z"})  // 05:59 in Paris in summer
    void theNextSixOClockInParis(String now, String next) {
        assertThat(KpiSnapshots.nextSnapshotAt(Instant.parse(now)).toInstant()).isEqualTo(Instant.parse(next));
        assertThat(OffsetDateTime.ofInstant(Instant.parse(next), fr.recouvrement.calendar.BusinessCalendar.PARIS).getHour()).isEqualTo(6);
    }
}
