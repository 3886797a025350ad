using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Unicode;

namespace TabbPortal.Web.DataExport;

public static class DataExportEndpoints
{
    /// <summary>
    /// The JSON shape of the export (docs/registerutdrag.md): camelCase names, enums by name, ISO dates, indented, Swedish
    /// letters as they are (HTML-sensitive characters are still escaped).
    /// </summary>
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
        Converters = { new JsonStringEnumConverter() },
    };

    public static string FileName(Guid childId) => $"registerutdrag-{childId:D}.json";

    /// <summary>GET /barn/{id}/registerutdrag.json: the export as a download, for a practitioner with full access to the child.</summary>
    public static IEndpointRouteBuilder MapDataExport(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/barn/{id:guid}/registerutdrag.json", async (Guid id, HttpContext http, ChildDataExport export, CancellationToken cancellationToken) =>
            {
                ChildDataExportDocument document;
                try
                {
                    document = await export.BuildAsync(http.User, id, cancellationToken);
                }
                catch (UnauthorizedAccessException)
                {
                    return Results.Forbid();
                }

                http.Response.Headers.CacheControl = "no-store";
                http.Response.Headers.ContentDisposition = $"attachment; filename=\"{FileName(id)}\"";
                return Results.Json(document, Json, "application/json");
            })
            // Any signed-in user reaches the gate, which refuses everyone but a practitioner with full access and logs the refusal.
            .RequireAuthorization();
        return endpoints;
    }
}
