package fr.recouvrement.bank;

import fr.recouvrement.creditor.Iban;
import java.io.InputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads a camt.053 (statement) or camt.054 (notification) file, versions .02 to .08, one {@code Ntry} at a time: StAX
 * over the stream, each entry bound from the few elements Recouvrement reads (docs/architecture.md, «Relevés
 * bancaires», says why not JAXB). DTDs and external entities are off: a file that declares a DTD is refused.
 *
 * <p>What the schema requires of those elements is checked as they are read (an account per statement; an amount with
 * its currency, a credit/debit indicator and a status per entry; well-formed amounts and dates): a file that breaks it
 * is refused whole with {@link StatementRejectedException}.
 */
final class CamtReader {

    private static final Pattern NAMESPACE =
            Pattern.compile("urn:iso:std:iso:20022:tech:xsd:camt\\.(053|054)\\.001\\.0([2-8])");
    private static final Pattern AMOUNT = Pattern.compile("\\d{1,18}(\\.\\d{1,5})?");
    private static final Pattern DATE = Pattern.compile("(\\d{4}-\\d{2}-\\d{2})(T.*)?");
    /** Bank transaction sub-families of a credit sent back: a returned transfer, a cancellation. */
    private static final Set<String> RETURN_SUB_FAMILIES = Set.of("RRTN", "RPCR");

    private final XMLInputFactory factory;

    CamtReader() {
        factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        if (factory.isPropertySupported(XMLConstants.ACCESS_EXTERNAL_DTD)) {
            factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        }
    }

    /** What one file held: its message type and the accounts of its statements, in order. */
    record Summary(String messageType, List<String> accounts) {
    }

    /**
     * Calls {@code entries} for each entry of the file, in order.
     *
     * @throws StatementRejectedException the file is not XML, not camt.053/054 .02-.08, or breaks the schema where read
     */
    Summary read(String fileName, InputStream body, Consumer<CamtEntry> entries) {
        XMLStreamReader xml = null;
        try {
            xml = factory.createXMLStreamReader(body);
            return readDocument(fileName, xml, entries);
        } catch (XMLStreamException e) {
            int line = e.getLocation() == null ? -1 : e.getLocation().getLineNumber();
            throw new StatementRejectedException(fileName, "le fichier n'est pas un XML bien formé"
                    + (line > 0 ? " (ligne " + line + ")" : "") + " : " + firstLine(e.getMessage()));
        } finally {
            if (xml != null) {
                try {
                    xml.close();
                } catch (XMLStreamException e) {
                    // The parse already ended; nothing more to read from it.
                }
            }
        }
    }

    private Summary readDocument(String fileName, XMLStreamReader xml, Consumer<CamtEntry> entries)
            throws XMLStreamException {
        Reading reading = new Reading(fileName);
        int depth = 0;
        while (xml.hasNext()) {
            int event = xml.next();
            if (event == XMLStreamConstants.DTD) {
                throw reading.reject("une DTD est déclarée ; les relevés n'en ont pas, et elle est refusée (entités"
                        + " externes, XXE)");
            }
            if (event == XMLStreamConstants.ENTITY_REFERENCE) {
                throw reading.reject("une entité « &" + xml.getLocalName() + "; » est utilisée : refusée (XXE)");
            }
            if (event == XMLStreamConstants.END_ELEMENT) {
                depth--;
                continue;
            }
            if (event != XMLStreamConstants.START_ELEMENT) {
                continue;
            }
            depth++;
            String name = xml.getLocalName();
            if (depth == 1) {
                reading.root(name, xml.getNamespaceURI());
            } else if (depth == 2) {
                reading.message(name);
            } else if (depth == 3 && name.equals(reading.statementElement)) {
                reading.statement();
            } else if (depth == 4 && reading.inStatement() && name.equals("Acct")) {
                reading.account(Node.read(xml));
                depth--;
            } else if (depth == 4 && reading.inStatement() && name.equals("Ntry")) {
                entries.accept(reading.entry(Node.read(xml)));
                depth--;
            }
        }
        if (reading.messageType == null) {
            throw reading.reject("le fichier est vide");
        }
        return new Summary(reading.messageType, List.copyOf(reading.accounts));
    }

    /** Where the reading of one file stands. */
    private static final class Reading {

        private final String fileName;
        private String messageType;
        private String family;
        private String statementElement;
        private String account;
        private int statements;
        private int entryIndex;
        private final List<String> accounts = new ArrayList<>();

        Reading(String fileName) {
            this.fileName = fileName;
        }

        StatementRejectedException reject(String problem) {
            return new StatementRejectedException(fileName, problem);
        }

        void root(String name, String namespace) {
            Matcher version = NAMESPACE.matcher(namespace == null ? "" : namespace);
            if (!name.equals("Document") || !version.matches()) {
                throw reject("type de message inconnu (" + name + (namespace == null || namespace.isEmpty() ? ""
                        : ", espace de noms " + namespace) + ") : seuls camt.053 et camt.054, versions .001.02 à"
                        + " .001.08, sont lus");
            }
            family = version.group(1);
            messageType = "camt." + family + ".001.0" + version.group(2);
        }

        void message(String name) {
            String expected = family.equals("053") ? "BkToCstmrStmt" : "BkToCstmrDbtCdtNtfctn";
            if (!name.equals(expected)) {
                throw reject("non conforme au schéma " + messageType + " : " + expected + " attendu, " + name + " trouvé");
            }
            statementElement = family.equals("053") ? "Stmt" : "Ntfctn";
        }

        void statement() {
            statements++;
            account = null;
        }

        boolean inStatement() {
            return statements > 0;
        }

        void account(Node acct) {
            String iban = acct.text("Id", "IBAN");
            String other = acct.text("Id", "Othr", "Id");
            String id = iban != null ? iban : other;
            if (id == null || id.isBlank()) {
                throw reject("non conforme au schéma " + messageType + " : le relevé " + statements
                        + " n'a pas d'Acct/Id (IBAN ou Othr/Id)");
            }
            account = Iban.normalize(id);
            accounts.add(account);
        }

        CamtEntry entry(Node ntry) {
            entryIndex++;
            if (account == null) {
                throw reject("non conforme au schéma " + messageType + " : l'écriture " + entryIndex
                        + " précède le compte (Acct) de son relevé");
            }
            Node amt = ntry.child("Amt");
            if (amt == null) {
                throw invalid("Amt manquant");
            }
            BigDecimal amount = amount(amt, "Amt");
            String currency = amt.attribute("Ccy");
            if (currency == null || !currency.matches("[A-Z]{3}")) {
                throw invalid("Amt sans devise (Ccy)");
            }
            String indicator = ntry.text("CdtDbtInd");
            if (!"CRDT".equals(indicator) && !"DBIT".equals(indicator)) {
                throw invalid("CdtDbtInd doit valoir CRDT ou DBIT");
            }
            Node sts = ntry.child("Sts");
            if (sts == null) {
                throw invalid("Sts manquant");
            }
            String status = sts.child("Cd") != null ? sts.text("Cd") : sts.text;
            boolean reversal = "true".equalsIgnoreCase(ntry.text("RvslInd"))
                    || RETURN_SUB_FAMILIES.contains(String.valueOf(ntry.text("BkTxCd", "Domn", "Fmly", "SubFmlyCd")));
            List<Node> details = new ArrayList<>();
            ntry.children("NtryDtls").forEach(group -> details.addAll(group.children("TxDtls")));
            details.forEach(tx -> max35(tx.text("Refs", "EndToEndId"), "EndToEndId"));
            return new CamtEntry(messageType, account, entryIndex, max35(ntry.text("NtryRef"), "NtryRef"),
                    max35(ntry.text("AcctSvcrRef"), "AcctSvcrRef"),
                    amount, currency, "BOOK".equals(status == null ? null : status.strip()), "CRDT".equals(indicator),
                    reversal, date(ntry.child("BookgDt"), "BookgDt"), date(ntry.child("ValDt"), "ValDt"),
                    transactions(amount, details));
        }

        private List<CamtEntry.Transaction> transactions(BigDecimal entryAmount, List<Node> details) {
            if (details.isEmpty()) {
                return List.of(new CamtEntry.Transaction(entryAmount, null, null, null, List.of(), List.of()));
            }
            List<CamtEntry.Transaction> transactions = new ArrayList<>();
            BigDecimal sum = BigDecimal.ZERO;
            boolean amounts = true;
            for (Node tx : details) {
                Node amt = tx.child("Amt") != null ? tx.child("Amt") : tx.find("AmtDtls", "TxAmt", "Amt");
                BigDecimal amount = amt == null ? null : amount(amt, "TxDtls/Amt");
                amounts &= amount != null;
                sum = amount == null ? sum : sum.add(amount);
                transactions.add(transaction(tx, details.size() == 1 ? entryAmount : amount));
            }
            if (transactions.size() > 1 && (!amounts || sum.compareTo(entryAmount) != 0)) {
                // Details that do not add up to the entry cannot be matched one by one: one transaction of the whole.
                List<String> unstructured = new ArrayList<>();
                List<String> references = new ArrayList<>();
                transactions.forEach(tx -> {
                    unstructured.addAll(tx.unstructured());
                    references.addAll(tx.references());
                });
                CamtEntry.Transaction first = transactions.get(0);
                return List.of(new CamtEntry.Transaction(entryAmount, first.endToEndId(), first.payerName(),
                        first.payerIban(), unstructured, references));
            }
            return transactions;
        }

        private static CamtEntry.Transaction transaction(Node tx, BigDecimal amount) {
            Node parties = tx.child("RltdPties");
            String payerName = null;
            String payerIban = null;
            if (parties != null) {
                payerName = parties.text("Dbtr", "Nm") != null ? parties.text("Dbtr", "Nm")
                        : parties.text("Dbtr", "Pty", "Nm");
                String iban = parties.text("DbtrAcct", "Id", "IBAN");
                payerIban = iban == null ? null : Iban.normalize(iban);
            }
            List<String> unstructured = new ArrayList<>();
            List<String> references = new ArrayList<>();
            tx.children("RmtInf").forEach(rmt -> {
                rmt.children("Ustrd").forEach(u -> unstructured.add(u.text));
                rmt.children("Strd").forEach(strd -> {
                    strd.children("RfrdDocInf").forEach(doc -> addText(references, doc.text("Nb")));
                    addText(references, strd.text("CdtrRefInf", "Ref"));
                });
            });
            return new CamtEntry.Transaction(amount, tx.text("Refs", "EndToEndId"), payerName, payerIban,
                    unstructured, references);
        }

        private static void addText(List<String> texts, String text) {
            if (text != null && !text.isBlank()) {
                texts.add(text);
            }
        }

        /** The references an entry is known by are Max35Text in every version. */
        private String max35(String reference, String element) {
            if (reference != null && reference.length() > 35) {
                throw invalid(element + " de plus de 35 caractères");
            }
            return reference;
        }

        private BigDecimal amount(Node amt, String element) {
            String text = amt.text == null ? "" : amt.text.strip();
            if (!AMOUNT.matcher(text).matches()) {
                throw invalid(element + " « " + text + " » n'est pas un montant");
            }
            return new BigDecimal(text);
        }

        private LocalDate date(Node dateChoice, String element) {
            if (dateChoice == null) {
                return null;
            }
            String text = dateChoice.text("Dt") != null ? dateChoice.text("Dt") : dateChoice.text("DtTm");
            Matcher date = DATE.matcher(text == null ? "" : text.strip());
            try {
                if (date.matches()) {
                    return LocalDate.parse(date.group(1));
                }
            } catch (java.time.format.DateTimeParseException e) {
                // Reported below, as any date that is not one.
            }
            throw invalid(element + " « " + text + " » n'est pas une date (Dt ou DtTm)");
        }

        private StatementRejectedException invalid(String problem) {
            return reject("non conforme au schéma " + messageType + " : écriture " + entryIndex + " du relevé "
                    + statements + ", " + problem);
        }
    }

    /** An element of an entry with its children: an entry is small, the file is never held whole. */
    private static final class Node {

        private final String name;
        private final List<String[]> attributes = new ArrayList<>();
        private final List<Node> children = new ArrayList<>();
        private String text;

        private Node(String name) {
            this.name = name;
        }

        /** The element the reader stands on, read to its end tag. */
        static Node read(XMLStreamReader xml) throws XMLStreamException {
            Node node = new Node(xml.getLocalName());
            for (int i = 0; i < xml.getAttributeCount(); i++) {
                node.attributes.add(new String[] {xml.getAttributeLocalName(i), xml.getAttributeValue(i)});
            }
            StringBuilder text = new StringBuilder();
            while (true) {
                int event = xml.next();
                switch (event) {
                    case XMLStreamConstants.START_ELEMENT -> node.children.add(read(xml));
                    case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA -> text.append(xml.getText());
                    case XMLStreamConstants.ENTITY_REFERENCE -> throw new XMLStreamException(
                            "entité « &" + xml.getLocalName() + "; » refusée (XXE)", xml.getLocation());
                    case XMLStreamConstants.END_ELEMENT -> {
                        node.text = text.toString().strip();
                        return node;
                    }
                    default -> {
                    }
                }
            }
        }

        Node child(String childName) {
            return children.stream().filter(c -> c.name.equals(childName)).findFirst().orElse(null);
        }

        List<Node> children(String childName) {
            return children.stream().filter(c -> c.name.equals(childName)).toList();
        }

        Node find(String... path) {
            Node node = this;
            for (String step : path) {
                node = node.child(step);
                if (node == null) {
                    return null;
                }
            }
            return node;
        }

        String text(String... path) {
            Node node = find(path);
            return node == null || node.text == null || node.text.isEmpty() ? null : node.text;
        }

        String attribute(String attributeName) {
            return attributes.stream().filter(a -> a[0].equals(attributeName)).map(a -> a[1]).findFirst().orElse(null);
        }
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "";
        }
        String text = message.contains("Message:") ? message.substring(message.indexOf("Message:") + 8) : message;
        return text.strip().lines().findFirst().orElse("");
    }
}
