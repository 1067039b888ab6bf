package fr.recouvrement.bank;

import fr.recouvrement.creditor.Iban;
import java.nio.file.Path;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The creditor's bank accounts whose statements are read, beside {@code recouvrement.creditor.iban}
 * ({@code recouvrement.bank.accounts}, IBANs, any spacing), and the folder statements are dropped into
 * ({@code recouvrement.bank.inbox}, none by default: {@link BankInbox}).
 */
@ConfigurationProperties("recouvrement.bank")
public record BankProperties(List<String> accounts, Path inbox) {

    public BankProperties {
        accounts = accounts == null ? List.of() : accounts.stream().map(Iban::normalize).toList();
        // An empty setting (RECOUVREMENT_BANK_INBOX=) is off, not the working directory.
        inbox = inbox == null || inbox.toString().isBlank() ? null : inbox;
    }
}
