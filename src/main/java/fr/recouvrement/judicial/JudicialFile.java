package fr.recouvrement.judicial;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.recouvrement.calendar.FormDates;
import fr.recouvrement.communication.CommunicationRepository;
import fr.recouvrement.communication.CommunicationStatus;
import fr.recouvrement.communication.CommunicationView;
import fr.recouvrement.dossier.DossierRepository;
import fr.recouvrement.invoice.InvoiceRepository;
import fr.recouvrement.letters.LetterFacts;
import fr.recouvrement.letters.Letters;
import fr.recouvrement.scenario.ScenarioStep;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * "Constituer le dossier judiciaire" (docs/architecture.md §3, docs/droit-francais.md §6): the PDF the legal team takes
 * over, and the same facts as JSON for a commissaire de justice's software: the parties, the routes (one per group of invoices) with their
 * courts and request forms, each invoice with its computation, the payments, every communication with its date, channel and
 * status, the notice with its tracking number and AR date, the calls and notes, the pieces. Stored once per dossier,
 * rebuilt if the step runs again.
 */
@Component("judicialFile")
public class JudicialFile {

    // The variables of recouvrement-amiable that the judicial file reads or writes, named once.
    static final String ROUTE = "route";
    static final String ROUTE_LABEL = "routeLabel";
    static final String JUDICIAL_FILE_URL = "judicialFileUrl";

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    private final DossierRepository dossiers;
    private final InvoiceRepository invoices;
    private final CommunicationRepository communications;
    private final LetterFacts facts;
    private final Letters letters;
    private final JudicialFileRepository files;
    private final JudicialFileAssembly assembly;
    private final ObjectMapper json;
    private final Clock clock;

    public JudicialFile(DossierRepository dossiers, InvoiceRepository invoices, CommunicationRepository communications,
            LetterFacts facts, Letters letters, JudicialFileRepository files, JudicialFileAssembly assembly,
            ObjectMapper json, Clock clock) {
        this.assembly = assembly;
        this.json = json;
        this.dossiers = dossiers;
        this.invoices = invoices;
        this.communications = communications;
        this.facts = facts;
        this.letters = letters;
        this.files = files;
        this.clock = clock;
    }

    @ScenarioStep
    public void build(DelegateExecution execution) {
        String number = execution.getProcessBusinessKey();
        DossierRepository.DossierRow dossier = dossiers.get(number);
        List<CommunicationView> sent = communications.forDossier(dossier.id());
        LocalDate receivedOn = dossier.noticeReceivedOn();
        String route = (String) execution.getVariable(ROUTE);
        String routeLabel = Objects.toString(execution.getVariable(ROUTE_LABEL), route);
        JudicialFileContent content = assembly.assemble(dossier, JudicialRoutes.read(execution), route, routeLabel);

        LetterFacts.Facts file = facts.forDossier(number, invoices.findByDossier(dossier.id()))
                .with("file", JudicialFilePrint.model(content))
                .with("originDate", dossier.originDate().format(FormDates.FRENCH))
                .with("communications", sent.stream().map(JudicialFile::communication).toList())
                .with("notice", sent.stream().filter(c -> "MISE_EN_DEMEURE".equals(c.step())
                                && c.status() == CommunicationStatus.SENT)
                        .findFirst().map(c -> notice(c, receivedOn)).orElse(Map.of()));
        byte[] pdf = letters.printLetter("letters/dossier-judiciaire.ftlh", file.model()).pdf();
        files.save(dossier.id(), route, pdf, toJson(content), OffsetDateTime.now(clock));
        execution.setVariable(JUDICIAL_FILE_URL, "/api/dossiers/" + number + "/judicial-file");
    }

    private String toJson(JudicialFileContent content) {
        try {
            return json.writeValueAsString(content);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Dossier judiciaire non sérialisable en JSON", e);
        }
    }

    private static Map<String, Object> communication(CommunicationView c) {
        Map<String, Object> map = new LinkedHashMap<>();
        OffsetDateTime when = c.sentAt() != null ? c.sentAt() : c.createdAt();
        map.put("date", when.atZoneSameInstant(PARIS).format(FormDates.FRENCH));
        map.put("step", c.step());
        map.put("channel", c.channel());
        map.put("status", c.status().name());
        map.put("recipient", Objects.toString(c.recipient(), ""));
        map.put("subject", Objects.toString(c.subject(), ""));
        map.put("trackingNumber", Objects.toString(c.trackingNumber(), ""));
        return map;
    }

    private static Map<String, Object> notice(CommunicationView c, LocalDate receivedOn) {
        return Map.of(
                "sentOn", c.sentAt().atZoneSameInstant(PARIS).format(FormDates.FRENCH),
                "trackingNumber", Objects.toString(c.trackingNumber(), ""),
                "receivedOn", receivedOn == null ? "" : receivedOn.format(FormDates.FRENCH));
    }
}
