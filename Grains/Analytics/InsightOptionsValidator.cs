using Microsoft.Extensions.Options;

namespace Orleans.Poker.Grains.Analytics;

/// <summary>Refuses <see cref="InsightOptions"/> that make no sense, with every reason (<see cref="InsightOptions.Validate"/>).</summary>
public sealed class InsightOptionsValidator : IValidateOptions<InsightOptions>
{
    public ValidateOptionsResult Validate(string? name, InsightOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.Validate() is { Count: > 0 } errors ? ValidateOptionsResult.Fail(errors) : ValidateOptionsResult.Success;
    }
}
