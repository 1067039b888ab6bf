package fr.recouvrement.invoice;

/** How lenient parsing is: the JSON API is strict, a CSV file from a spreadsheet is not. */
public enum InputFormat {
    /** Dates {@code YYYY-MM-DD}, amounts with a decimal point. */
    API,
    /** Also dates {@code DD/MM/YYYY}, amounts with a French decimal comma and spaces between thousands. */
    CSV
}
