package fr.recouvrement.money;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

/** Amounts as a French reader writes them: "1 234,50 €", with no-break spaces so that a line never splits them. */
public final class Euros {

    static final char NO_BREAK_SPACE = '\u00A0';

    private Euros() {
    }

    public static String format(BigDecimal amount) {
        DecimalFormatSymbols symbols = DecimalFormatSymbols.getInstance(Locale.FRANCE);
        symbols.setGroupingSeparator(NO_BREAK_SPACE);
        symbols.setDecimalSeparator(',');
        DecimalFormat format = new DecimalFormat("#,##0.00", symbols);
        format.setRoundingMode(RoundingMode.HALF_UP);
        return format.format(amount) + NO_BREAK_SPACE + "€";
    }
}
