using System.Security.Claims;
using Orleans.Poker.Gateway.Auth;
using Orleans.Poker.Gateway.Contracts;
using Orleans.Poker.Gateway.Errors;
using Orleans.Poker.Grains.Interfaces.Common;
using Orleans.Poker.Grains.Interfaces.Templates;

namespace Orleans.Poker.Gateway.Api;

/// <summary><c>/api/templates</c> for everyone (with each template's waitlist for any of its tables); <c>/api/admin/templates</c> to create, update, (de)activate and delete.</summary>
public static class TemplateEndpoints
{
    public static RouteGroupBuilder MapTemplateEndpoints(this RouteGroupBuilder api)
    {
        var templates = api.MapGroup("/templates").WithTags("Templates").RequireAuthorization();
        templates.MapGet("", async (bool? includeInactive, ClaimsPrincipal user, IGrainFactory grains) =>
        {
            var all = await grains.GetGrain<ITemplateCatalogGrain>(0).List();
            return all.Where(t => t.Active || (includeInactive == true && Auth.PokerClaims.IsAdmin(user))).OrderBy(t => t.Id, StringComparer.Ordinal).ToList();
        }).WithSummary("Templates (active ones; admins may include inactive)");

        templates.MapGet("/{templateId}", async (string templateId, IGrainFactory grains) =>
            await grains.GetGrain<ITemplateGrain>(Input.TemplateId(templateId)).Get() ?? throw PokerException.NotFound($"Template {templateId}"))
            .WithSummary("A template's current version");

        // "Any table of this template": the template's queue, served by the room's own tables of it.
        templates.MapPost("/{templateId}/waitlist", async (string templateId, ClaimsPrincipal user, IGrainFactory grains) =>
            await Waitlist(templateId, grains).Join(user.GetPlayerId(), user.GetDisplayName()))
            .WithSummary("Wait for a seat at any of the room's tables of the template: queued (position), or sent to a table with a seat free now (tableId); 404 unknown template, 409 not a public persistent template, already seated at one of its tables or already queued");

        templates.MapDelete("/{templateId}/waitlist", async (string templateId, ClaimsPrincipal user, IGrainFactory grains) =>
        {
            await Waitlist(templateId, grains).Leave(user.GetPlayerId());
            return Results.NoContent();
        }).WithSummary("Leave the template's waitlist");

        templates.MapGet("/{templateId}/waitlist/position", async (string templateId, ClaimsPrincipal user, IGrainFactory grains) =>
            await Waitlist(templateId, grains).GetStatus(user.GetPlayerId()))
            .WithSummary("The caller's position in the template's waitlist, or the table holding a seat for them (tableId, heldUntil)");

        var admin = api.MapGroup("/admin/templates").WithTags("Admin").RequireAuthorization(Auth.PokerClaims.AdminPolicy);
        admin.MapPost("", async (TemplateCreateRequest request, ClaimsPrincipal user, IGrainFactory grains, Audit audit) =>
        {
            var id = Input.TemplateId(request.Id);
            var config = request.Config ?? throw Input.Invalid("config", "is required");
            // Checked before the audit entry, by the template grain's own rule: a bad template changes nothing, not even the log.
            TemplateValidator.ThrowIfInvalid(config);
            var created = await audit.Run(user.GetPlayerId(), "template.create", id, $"{config.Variant} {config.Name}", () => grains.GetGrain<ITemplateGrain>(id).Create(config));
            return Results.Created($"/api/templates/{id}", created);
        }).WithSummary("Create a template");

        admin.MapPut("/{templateId}", async (string templateId, TemplateConfig config, ClaimsPrincipal user, IGrainFactory grains, Audit audit) =>
        {
            var template = grains.GetGrain<ITemplateGrain>(Input.TemplateId(templateId));
            TemplateValidator.ThrowIfInvalid(config);
            return await audit.Run(user.GetPlayerId(), "template.update", templateId, $"{config.Variant} {config.Name}", () => template.Update(config));
        }).WithSummary("Update a template (a new version; existing tables keep theirs)");

        admin.MapPost("/{templateId}/deactivate", (string templateId, ClaimsPrincipal user, IGrainFactory grains, Audit audit) => SetActive(templateId, false, user, grains, audit))
            .WithSummary("Deactivate: no new tables from this template");
        admin.MapPost("/{templateId}/activate", (string templateId, ClaimsPrincipal user, IGrainFactory grains, Audit audit) => SetActive(templateId, true, user, grains, audit))
            .WithSummary("Activate again");

        admin.MapDelete("/{templateId}", async (string templateId, ClaimsPrincipal user, IGrainFactory grains, Audit audit) =>
        {
            var template = grains.GetGrain<ITemplateGrain>(Input.TemplateId(templateId));
            await audit.Run(user.GetPlayerId(), "template.delete", templateId, null, () => template.Delete());
            return Results.NoContent();
        }).WithSummary("Delete a template no table uses");
        return api;
    }

    private static ITemplateWaitlistGrain Waitlist(string templateId, IGrainFactory grains) => grains.GetGrain<ITemplateWaitlistGrain>(Input.TemplateId(templateId));

    private static async Task<TemplateInfo> SetActive(string templateId, bool active, ClaimsPrincipal user, IGrainFactory grains, Audit audit)
    {
        var template = grains.GetGrain<ITemplateGrain>(Input.TemplateId(templateId));
        return await audit.Run(user.GetPlayerId(), active ? "template.activate" : "template.deactivate", templateId, null, () => template.SetActive(active));
    }
}
