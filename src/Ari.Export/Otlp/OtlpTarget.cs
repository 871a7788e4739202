using OpenTelemetry.Exporter;

namespace Ari.Export.Otlp;

/// <summary>
/// Where OTLP goes. For HTTP/protobuf a URL without a path gets the standard <c>/v1/traces</c>
/// (the SDK uses an endpoint set in code as it is); gRPC takes the collector's address as it is.
/// </summary>
public sealed record OtlpTarget(Uri Endpoint, OtlpExportProtocol Protocol)
{
    public static OtlpTarget Parse(string url, bool grpc)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            throw new FormatException($"not an http(s) URL: {url}");
        }
        if (grpc)
        {
            return new OtlpTarget(uri, OtlpExportProtocol.Grpc);
        }
        return new OtlpTarget(uri.AbsolutePath == "/" ? new Uri(uri, "/v1/traces") : uri, OtlpExportProtocol.HttpProtobuf);
    }
}
