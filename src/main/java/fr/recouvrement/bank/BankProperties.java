package fr.recouvrement.bank;

import fr.recouvrement.creditor.Iban;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The creditor's bank accounts whose statements are read, beside {@code recouvrement.creditor.iban}
 * ({@code recouvrement.bank.accounts}, IBANs, any spacing), the folder statements are dropped into
 * ({@code recouvrement.bank.inbox}, none by default: {@link BankInbox}), and how long a file may stay claimed in its
 * {@code processing/} before a poll takes it back ({@code recouvrement.bank.inbox-stale-after}, 30 minutes).
 */
@ConfigurationProperties("recouvrement.bank")
public record BankProperties(List<String> accounts, Path inbox, Duration inboxStaleAfter) {

    /** Far longer than any import (10,000 entries take under 5 minutes, docs/performance.md). */
    static final Duration STALE_AFTER = Duration.ofMinutes(30);

    public BankProperties {
        accounts = accounts == null ? List.of() : accounts.stream().map(Iban::normalize).toList();
        // An empty setting (RECOUVREMENT_BANK_INBOX=) is off, not the working directory.
        inbox = inbox == null || inbox.toString().isBlank() ? null : inbox;
        inboxStaleAfter = inboxStaleAfter == null ? STALE_AFTER : inboxStaleAfter;
        if (inboxStaleAfter.isNegative() || inboxStaleAfter.isZero()) {
            throw new IllegalArgumentException("recouvrement.bank.inbox-stale-after must be positive: "
                    + inboxStaleAfter);
        }
    }
}
