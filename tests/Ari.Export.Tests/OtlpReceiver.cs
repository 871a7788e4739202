using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Logging;

namespace Ari.Export.Tests;

/// <summary>
/// A loopback OTLP receiver for traces: HTTP/protobuf on <c>/v1/traces</c> (HTTP/1.1) and OTLP/gRPC's
/// <c>TraceService/Export</c> (HTTP/2 without TLS); it keeps every request's protobuf body and answers success.
/// </summary>
internal sealed class OtlpReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;

    private OtlpReceiver(WebApplication app, int httpPort, int grpcPort)
    {
        _app = app;
        HttpUrl = $"http://127.0.0.1:{httpPort}";
        GrpcUrl = $"http://127.0.0.1:{grpcPort}";
    }

    public string HttpUrl { get; }

    public string GrpcUrl { get; }

    public ConcurrentQueue<byte[]> Requests { get; } = new();

    public static async Task<OtlpReceiver> Start()
    {
        var (httpPort, grpcPort) = (FreePort(), FreePort());
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.Listen(IPAddress.Loopback, httpPort, listen => listen.Protocols = HttpProtocols.Http1);
            kestrel.Listen(IPAddress.Loopback, grpcPort, listen => listen.Protocols = HttpProtocols.Http2);
        });
        var app = builder.Build();
        var receiver = new OtlpReceiver(app, httpPort, grpcPort);
        app.MapPost("/v1/traces", async context =>
        {
            receiver.Requests.Enqueue(await Body(context));
            context.Response.ContentType = "application/x-protobuf";
        });
        app.MapPost("/opentelemetry.proto.collector.trace.v1.TraceService/Export", async context =>
        {
            // A gRPC message: one byte "compressed", four bytes of length (big-endian), the protobuf.
            receiver.Requests.Enqueue((await Body(context))[5..]);
            context.Response.ContentType = "application/grpc";
            await context.Response.Body.WriteAsync(new byte[5]);
            context.Response.AppendTrailer("grpc-status", "0");
        });
        await app.StartAsync();
        return receiver;
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    private static async Task<byte[]> Body(HttpContext context)
    {
        using var body = new MemoryStream();
        await context.Request.Body.CopyToAsync(body);
        return body.ToArray();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
