using Orleans.Poker.Grains.Interfaces.Templates;

namespace Orleans.Poker.Gateway.Contracts;

/// <summary>Admin: a new template (id: lowercase letters, digits and dashes, up to 48 characters).</summary>
public sealed record TemplateCreateRequest(string? Id, TemplateConfig? Config);
