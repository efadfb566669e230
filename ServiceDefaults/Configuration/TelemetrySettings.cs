namespace Orleans.Poker.ServiceDefaults.Configuration;

/// <summary><c>POKER__Telemetry__*</c>: OpenTelemetry metrics (Prometheus <c>/metrics</c>, OTLP) and traces.</summary>
public sealed class TelemetrySettings
{
    /// <summary>Metrics and traces at all. Off: no meter provider listens (the instruments cost next to nothing) and no <c>/metrics</c>.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>
    /// The management port: a second HTTP listener where <c>/metrics</c> (and <c>/health/*</c>) answer anonymously, and
    /// nothing else does. Unset: 9464 (silo), 9465 (gateway), 9466 (bot) in production, none on the embedded default;
    /// 0: none. Never expose it publicly: on the public port <c>/metrics</c> answers only to a gateway admin.
    /// </summary>
    public int? MetricsPort { get; set; }

    /// <summary>Address the management port listens on; default <c>POKER__Http__Host</c>.</summary>
    public string? MetricsHost { get; set; }

    /// <summary>OTLP collector endpoint (e.g. <c>http://127.0.0.1:4317</c>). Set: metrics and traces are exported there too.</summary>
    public string? OtlpEndpoint { get; set; }

    /// <summary><c>grpc</c> (default, port 4317) or <c>http</c> (http/protobuf, port 4318).</summary>
    public string OtlpProtocol { get; set; } = "grpc";

    /// <summary>
    /// How often each process sends a sample of its own figures to the operations grain (the admin operations page);
    /// zero: never. At least one second.
    /// </summary>
    public TimeSpan OperationsInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>The Orleans dashboard on every silo and gateway (admins only, at <see cref="DashboardPath"/> of the gateway).</summary>
    public bool Dashboard { get; set; } = true;

    /// <summary>Where the gateway serves the Orleans dashboard.</summary>
    public string DashboardPath { get; set; } = "/orleans-dashboard";

    /// <summary>Share of new traces recorded (0..1); a trace started elsewhere follows its parent's decision.</summary>
    public double TraceSampleRatio { get; set; } = 1.0;
}
