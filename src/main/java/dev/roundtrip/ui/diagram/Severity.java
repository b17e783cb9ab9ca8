package dev.roundtrip.ui.diagram;

/** How an exchange ended, as the diagram and the list colour and label it. */
public enum Severity {
    PENDING("pending"),
    OK("ok"),
    CLIENT_ERROR("client-error"),
    SERVER_ERROR("server-error"),
    TIMEOUT("timeout"),
    CANCELLED("cancelled"),
    FAILED("failed");

    private final String styleClass;

    Severity(String styleClass) {
        this.styleClass = styleClass;
    }

    /** The CSS class suffix: "severity-" + this. */
    public String styleClass() {
        return "severity-" + styleClass;
    }

    /** "Timed out", in the language in use. */
    public String label() {
        return DiagramScript.T.get("severity." + name());
    }

    public boolean isError() {
        return this != PENDING && this != OK;
    }
}
