package fr.recouvrement.kpi;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import fr.recouvrement.LedgerFixtures;
import fr.recouvrement.RecouvrementSpringTest;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** GET /api/kpis/aged-balance.csv and .xlsx: one row per invoice owed, as a French spreadsheet reads it. */
@RecouvrementSpringTest
class KpiExportTest extends KpiSpringTest {

    String siren;
    String company;
    String consumer;
    String dossier;
    String consumerName;

    @BeforeEach
    void twoInvoicesOwed() {
        // Today, 2026-11-24: the company's invoice is 30 days late, 1234.50 less 234.50 paid, its dossier at
        // relance 1 since 11-01; the consumer's is due in 16 days.
        siren = LedgerFixtures.newSiren();
        company = portfolio.b2b(siren, "2026-10-25", "1234.50");
        portfolio.pay(company, "234.50", "2026-11-10");
        portfolio.on("2026-11-01");
        dossier = portfolio.dossier(company);
        dossiers.enterStep(portfolio.dossierId(dossier), "RELANCE_1");
        portfolio.on("2026-11-24");
        consumerName = "Zoé Lefèvre; fille " + LedgerFixtures.newNumber("N");
        consumer = portfolio.b2c(consumerName, "2026-12-10", "99.99");
        // Paid in full: not in the export.
        portfolio.pay(portfolio.b2b(siren, "2026-10-01", "10.00"), "10.00", "2026-10-20");
    }

    @Test
    void csvWithSemicolonsDecimalCommasAndABom() {
        ResponseEntity<byte[]> response = get("csv");

        assertThat(response.getHeaders().getContentType().toString()).isEqualTo("text/csv;charset=UTF-8");
        assertThat(response.getHeaders().getFirst(HttpHeaders.CONTENT_DISPOSITION))
                .isEqualTo("attachment; filename=\"balance-agee-2026-11-24.csv\"");
        byte[] body = response.getBody();
        assertThat(Arrays.copyOf(body, 3)).containsExactly(0xEF, 0xBB, 0xBF);
        List<String> lines = new String(body, StandardCharsets.UTF_8).substring(1).lines().toList();
        // The penalties are the law's, as GET /api/invoices computes them on the same day.
        String penalties = http.withBasicAuth("agent", "agent").getForObject("/api/invoices/" + company, JsonNode.class)
                .get("penalties").asText().replace('.', ',');
        assertThat(lines).containsExactly(
                "Débiteur;SIREN;Dossier;Étape;Facture;Échéance;Jours de retard;Solde;Pénalités;Indemnité;Tranche",
                "Total Négoce;" + siren + ";" + dossier + ";RELANCE_1;" + company + ";25/10/2026;30;1000,00;"
                        + penalties + ";40,00;1 à 30 jours",
                "\"" + consumerName + "\";;;PRE_ECHEANCE;" + consumer + ";10/12/2026;-16;99,99;0,00;0,00;Non échu");
    }

    @Test
    void xlsxWithNumericCellsInFrenchFormats() throws IOException {
        ResponseEntity<byte[]> response = get("xlsx");

        assertThat(response.getHeaders().getContentType().toString())
                .isEqualTo("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(response.getBody()))) {
            Sheet sheet = workbook.getSheet("Balance âgée");
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("Débiteur");
            assertThat(sheet.getLastRowNum()).isEqualTo(2);
            Row row = sheet.getRow(1);
            assertThat(row.getCell(0).getStringCellValue()).isEqualTo("Total Négoce");
            assertThat(row.getCell(2).getStringCellValue()).isEqualTo(dossier);
            assertThat(DateUtil.isCellDateFormatted(row.getCell(5))).isTrue();
            assertThat(row.getCell(5).getLocalDateTimeCellValue()).isEqualTo(LocalDateTime.of(2026, 10, 25, 0, 0));
            assertThat(row.getCell(5).getCellStyle().getDataFormatString()).isEqualTo("dd/mm/yyyy");
            assertThat(row.getCell(6).getNumericCellValue()).isEqualTo(30);
            assertThat(row.getCell(7).getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(row.getCell(7).getNumericCellValue()).isEqualTo(1000.00);
            assertThat(row.getCell(7).getCellStyle().getDataFormatString()).contains("€").contains("#,##0.00");
            assertThat(row.getCell(9).getNumericCellValue()).isEqualTo(40.00);
            assertThat(row.getCell(10).getStringCellValue()).isEqualTo("1 à 30 jours");
            assertThat(sheet.getRow(2).getCell(0).getStringCellValue()).isEqualTo(consumerName);
            assertThat(sheet.getRow(2).getCell(1)).isNull();
            assertThat(sheet.getRow(2).getCell(6).getNumericCellValue()).isEqualTo(-16);
        }
    }

    @Test
    void theExportIsTheManagersToo() {
        assertThat(http.withBasicAuth("agent", "agent").getForEntity("/api/kpis/aged-balance.csv", String.class)
                .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(http.withBasicAuth("manager", "manager")
                .getForEntity("/api/kpis/aged-balance.xlsx?asOf=2026-02-30", String.class).getStatusCode())
                .isEqualTo(HttpStatus.BAD_REQUEST);
    }

    private ResponseEntity<byte[]> get(String extension) {
        ResponseEntity<byte[]> response = http.withBasicAuth("manager", "manager").getForEntity(
                "/api/kpis/aged-balance." + extension + "?asOf=2026-11-24&segment=" + portfolio.segment, byte[].class);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        return response;
    }
}
