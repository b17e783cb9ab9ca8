package dev.roundtrip.trace;

import java.util.Arrays;
import java.util.List;

/** What came back. */
public record ResponseInfo(int status, String reason, List<Header> headers, byte[] body) {
    public ResponseInfo {
        headers = SharedTexts.shareHeaders(headers);
        body = body == null ? SharedTexts.NO_BYTES : SharedTexts.share(body.clone());
    }

    @Override
    public byte[] body() {
        return body.clone();
    }

    public boolean isError() {
        return status >= 400;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ResponseInfo r && r.status == status && r.reason.equals(reason)
                && r.headers.equals(headers) && Arrays.equals(r.body, body);
    }

    @Override
    public int hashCode() {
        return status * 31 + Arrays.hashCode(body);
    }
}
