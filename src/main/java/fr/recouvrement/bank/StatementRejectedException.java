package fr.recouvrement.bank;

/** A statement file refused whole (400): not XML, an unknown message, the schema broken, no account of ours. */
class StatementRejectedException extends RuntimeException {

    private final String fileName;
    private final String problem;

    StatementRejectedException(String fileName, String problem) {
        super(fileName + " : " + problem);
        this.fileName = fileName;
        this.problem = problem;
    }

    String fileName() {
        return fileName;
    }

    String problem() {
        return problem;
    }
}
