package org.newsgraph.ingest.source;

import java.net.URI;

/**
 * A successful answer: the body (decompressed), or for a conditional request that the server
 * answered 304 no body at all.
 *
 * @param uri where the answer came from, after redirects
 * @param contentType the Content-Type header, or null
 * @param etag the ETag header, or null
 * @param lastModified the Last-Modified header, or null
 */
record Fetched(
    boolean notModified,
    URI uri,
    String contentType,
    byte[] body,
    String etag,
    String lastModified) {}
