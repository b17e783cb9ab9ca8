package dev.roundtrip.ui.diagram;

/** How an exchange ended, as the diagram and the list colour and label it. */
public enum Severity {
    PENDING("pending", "Under way"),
    OK("ok", "OK"),
    CLIENT_ERROR("client-error", "Client error"),
    SERVER_ERROR("server-error", "Server error"),
    TIMEOUT("timeout", "Timed out"),
    CANCELLED("cancelled", "Cancelled"),
    FAILED("failed", "Failed");

    private final String styleClass;
    private final String label;

    Severity(String styleClass, String label) {
        this.styleClass = styleClass;
        this.label = label;
    }

    /** The CSS class suffix: "severity-" + this. */
    public String styleClass() {
        return "severity-" + styleClass;
    }

    public String label() {
        return label;
    }

    public boolean isError() {
        return this != PENDING && this != OK;
    }
}
