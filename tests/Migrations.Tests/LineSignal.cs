using System.Text;

namespace Orleans.Poker.Migrations.Tests;

/// <summary>A log writer that completes a task when a line containing a given text is written.</summary>
public sealed class LineSignal(string expected) : TextWriter
{
    private readonly StringBuilder line = new();
    private readonly TaskCompletionSource seen = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes when the expected text has been written as part of a line.</summary>
    public Task Seen => seen.Task;

    /// <inheritdoc />
    public override Encoding Encoding => Encoding.UTF8;

    /// <inheritdoc />
    public override void Write(char value)
    {
        lock (line)
        {
            if (value != '\n')
            {
                line.Append(value);
                return;
            }

            if (line.ToString().Contains(expected, StringComparison.Ordinal))
            {
                seen.TrySetResult();
            }

            line.Clear();
        }
    }
}
