package fr.recouvrement.bank;

import com.prowidesoftware.swift.model.mx.adapters.IsoDateAdapter;
import com.prowidesoftware.swift.model.mx.adapters.IsoDateTimeAdapter;
import jakarta.xml.bind.JAXBException;
import jakarta.xml.bind.UnmarshalException;
import jakarta.xml.bind.Unmarshaller;
import jakarta.xml.bind.ValidationEvent;
import jakarta.xml.bind.annotation.adapters.XmlAdapter;
import java.io.InputStream;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.namespace.QName;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import javax.xml.stream.util.StreamReaderDelegate;

/**
 * Reads a camt.053 (statement) or camt.054 (notification) file, versions .02 to .08, one {@code Ntry} at a time: StAX
 * over the stream, and each entry (and each statement's {@code Acct}) bound by JAXB to the version's type in Prowide's
 * ISO 20022 model ({@link CamtGenerations}). DTDs and external entities are off: a file that declares a DTD is refused.
 *
 * <p>A value the model cannot bind (an amount, a date, a code, an element the version does not have) and what the
 * schema requires of the elements read (an account per statement; an amount with its currency, a credit/debit indicator
 * and a status per entry) refuse the file whole with {@link StatementRejectedException}, naming the entry.
 */
final class CamtReader {

    private static final Pattern NAMESPACE =
            Pattern.compile("urn:iso:std:iso:20022:tech:xsd:camt\\.(053|054)\\.001\\.0([2-8])");

    /**
     * Prowide reads a date leniently (31 November becomes 30 November): a day that does not exist is
     * refused here, as the schema's xs:date does.
     */
    private static final IsoDateAdapter STRICT_DATE = new IsoDateAdapter(new XmlAdapter<String, LocalDate>() {
        @Override
        public LocalDate unmarshal(String text) {
            return LocalDate.parse(text.strip(), DateTimeFormatter.ISO_DATE);
        }

        @Override
        public String marshal(LocalDate date) {
            return date.toString();
        }
    });

    private static final IsoDateTimeAdapter STRICT_DATE_TIME = new IsoDateTimeAdapter(new XmlAdapter<String,
            OffsetDateTime>() {
        private final IsoDateTimeAdapter prowide = new IsoDateTimeAdapter();

        @Override
        public OffsetDateTime unmarshal(String text) throws Exception {
            String value = text.strip();
            STRICT_DATE.unmarshal(value.substring(0, Math.min(10, value.length())));
            return prowide.unmarshal(text);
        }

        @Override
        public String marshal(OffsetDateTime dateTime) throws Exception {
            return prowide.marshal(dateTime);
        }
    });

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
        int event = xml.next();
        while (true) {
            if (event == XMLStreamConstants.DTD) {
                throw reading.reject("une DTD est déclarée ; les relevés n'en ont pas, et elle est refusée (entités"
                        + " externes, XXE)");
            }
            if (event == XMLStreamConstants.ENTITY_REFERENCE) {
                throw reading.reject("une entité « &" + xml.getLocalName() + "; » est utilisée : refusée (XXE)");
            }
            if (event == XMLStreamConstants.END_ELEMENT) {
                depth--;
            } else if (event == XMLStreamConstants.START_ELEMENT) {
                depth++;
                String name = xml.getLocalName();
                if (depth == 1) {
                    reading.root(name, xml.getNamespaceURI());
                } else if (depth == 2) {
                    reading.message(name);
                } else if (depth == 3 && name.equals(reading.statementElement)) {
                    reading.statement();
                } else if (depth == 4 && reading.inStatement() && (name.equals("Acct") || name.equals("Ntry"))) {
                    if (name.equals("Acct")) {
                        reading.account(xml);
                    } else {
                        entries.accept(reading.entry(xml));
                    }
                    // The binding read the element to its end and stands on what follows it.
                    depth--;
                    event = xml.getEventType();
                    continue;
                }
            }
            if (!xml.hasNext()) {
                break;
            }
            event = xml.next();
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
        private String namespace;
        private CamtGenerations.Generation<?, ?> generation;
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

        void root(String name, String uri) {
            Matcher version = NAMESPACE.matcher(uri == null ? "" : uri);
            if (!name.equals("Document") || !version.matches()) {
                throw reject("type de message inconnu (" + name + (uri == null || uri.isEmpty() ? ""
                        : ", espace de noms " + uri) + ") : seuls camt.053 et camt.054, versions .001.02 à"
                        + " .001.08, sont lus");
            }
            namespace = uri;
            family = version.group(1);
            messageType = "camt." + family + ".001.0" + version.group(2);
            generation = CamtGenerations.BY_VERSION.get(version.group(2).charAt(0));
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

        void account(XMLStreamReader xml) throws XMLStreamException {
            String where = "le compte (Acct) du relevé " + statements;
            account = CamtGenerations.accountId(generation.accountId(bind(xml, generation.account(), where)));
            if (account == null) {
                throw reject("non conforme au schéma " + messageType + " : le relevé " + statements
                        + " n'a pas d'Acct/Id (IBAN ou Othr/Id)");
            }
            accounts.add(account);
        }

        CamtEntry entry(XMLStreamReader xml) throws XMLStreamException {
            entryIndex++;
            if (account == null) {
                throw reject("non conforme au schéma " + messageType + " : l'écriture " + entryIndex
                        + " précède le compte (Acct) de son relevé");
            }
            String where = "écriture " + entryIndex + " du relevé " + statements;
            Object ntry = bind(xml, generation.entry(), where);
            return CamtGenerations.entry(generation.fields(ntry), messageType, account, entryIndex,
                    problem -> reject("non conforme au schéma " + messageType + " : " + where + ", " + problem));
        }

        /**
         * The element the reader stands on, bound to {@code type}, the reader left on what follows it. A value that
         * cannot be bound stops the binding: the first problem refuses the file.
         */
        private <T> T bind(XMLStreamReader xml, Class<T> type, String where) throws XMLStreamException {
            ValidationEvent[] refused = new ValidationEvent[1];
            try {
                Unmarshaller unmarshaller = generation.context().createUnmarshaller();
                unmarshaller.setAdapter(IsoDateAdapter.class, STRICT_DATE);
                unmarshaller.setAdapter(IsoDateTimeAdapter.class, STRICT_DATE_TIME);
                unmarshaller.setEventHandler(event -> {
                    if (event.getSeverity() == ValidationEvent.WARNING) {
                        return true;
                    }
                    refused[0] = event;
                    return false;
                });
                return unmarshaller.unmarshal(new WithoutNamespace(xml, namespace), type).getValue();
            } catch (UnmarshalException e) {
                if (e.getLinkedException() instanceof XMLStreamException notXml) {
                    throw notXml;
                }
                throw reject("non conforme au schéma " + messageType + " : " + where + ", " + problem(refused[0], e));
            } catch (JAXBException e) {
                throw new IllegalStateException("Prowide's ISO 20022 model cannot be bound: " + type, e);
            }
        }

        private static String problem(ValidationEvent event, UnmarshalException e) {
            String message = event != null ? event.getMessage() : e.getMessage();
            int line = event == null || event.getLocator() == null ? -1 : event.getLocator().getLineNumber();
            String text = firstLine(message);
            // An unexpected element's message lists every element the type has: its name is what helps.
            int expected = text.indexOf(" Expected elements are");
            return (line > 0 ? "ligne " + line + ", " : "") + "valeur refusée : "
                    + (expected > 0 ? text.substring(0, expected) : text);
        }
    }

    /**
     * Prowide's model is unqualified: Prowide itself parses through a filter that takes the message's namespace off
     * its elements. The same here, over the entry the binding reads; an entity reference inside it stays refused.
     */
    private static final class WithoutNamespace extends StreamReaderDelegate {

        private final String namespace;

        WithoutNamespace(XMLStreamReader reader, String namespace) {
            super(reader);
            this.namespace = namespace;
        }

        private String strip(String uri) {
            return namespace.equals(uri) ? "" : uri;
        }

        @Override
        public int next() throws XMLStreamException {
            int event = super.next();
            if (event == XMLStreamConstants.ENTITY_REFERENCE) {
                throw new XMLStreamException("entité « &" + getLocalName() + "; » refusée (XXE)", getLocation());
            }
            return event;
        }

        @Override
        public String getNamespaceURI() {
            return strip(super.getNamespaceURI());
        }

        @Override
        public String getNamespaceURI(int index) {
            return strip(super.getNamespaceURI(index));
        }

        @Override
        public String getNamespaceURI(String prefix) {
            return strip(super.getNamespaceURI(prefix));
        }

        @Override
        public QName getName() {
            QName name = super.getName();
            return new QName(strip(name.getNamespaceURI()), name.getLocalPart(), name.getPrefix());
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
