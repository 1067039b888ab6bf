package fr.recouvrement.money;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

/** Rates as a French reader writes them: "12,15 %", with a no-break space before the sign. */
public final class Percent {

    private Percent() {
    }

    /** At least two decimals, more when the rate has them (a contractual 15,125 % is printed whole). */
    public static String format(BigDecimal percent) {
        DecimalFormatSymbols symbols = DecimalFormatSymbols.getInstance(Locale.FRANCE);
        symbols.setDecimalSeparator(',');
        DecimalFormat format = new DecimalFormat("0.00########", symbols);
        format.setRoundingMode(RoundingMode.HALF_UP);
        return format.format(percent) + Euros.NO_BREAK_SPACE + "%";
    }
}
