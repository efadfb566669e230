using Serilog.Events;
using Serilog.Formatting;
using Serilog.Formatting.Display;

namespace Orleans.Poker.ServiceDefaults;

/// <summary>
/// The readable text format: <c>[time LEVEL] Source: message</c>, then <c>(trace &lt;id&gt; span &lt;id&gt;)</c> when the event
/// happened inside a trace (Serilog 4 records the current activity's ids on every event), then the exception.
/// </summary>
public sealed class TextLogFormatter : ITextFormatter
{
    private readonly MessageTemplateTextFormatter line = new("[{Timestamp:HH:mm:ss} {Level:u3}] {SourceContext}: {Message:lj}");

    public void Format(LogEvent logEvent, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(logEvent);
        ArgumentNullException.ThrowIfNull(output);
        line.Format(logEvent, output);
        if (logEvent.TraceId is { } trace)
        {
            output.Write(" (trace ");
            output.Write(trace.ToHexString());
            if (logEvent.SpanId is { } span)
            {
                output.Write(" span ");
                output.Write(span.ToHexString());
            }

            output.Write(')');
        }

        output.WriteLine();
        if (logEvent.Exception is { } exception)
        {
            output.WriteLine(exception);
        }
    }
}
