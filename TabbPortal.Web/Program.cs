using Radzen;
using TabbPortal.Web;
using TabbPortal.Web.Administration;
using TabbPortal.Web.Assessments;
using TabbPortal.Web.Audit;
using TabbPortal.Web.Benchmarking;
using TabbPortal.Web.Children;
using TabbPortal.Web.Consent;
using TabbPortal.Web.Implementation;
using TabbPortal.Web.FollowUp;
using TabbPortal.Web.Indicators;
using TabbPortal.Web.Live;
using TabbPortal.Web.Components;
using TabbPortal.Web.DataExport;
using TabbPortal.Web.Localization;
using TabbPortal.Web.Operations;
using TabbPortal.Web.Persistence;
using TabbPortal.Web.Plans;
using TabbPortal.Web.Retention;
using TabbPortal.Web.Security;
using TabbPortal.Web.Start;

var builder = WebApplication.CreateBuilder(args);
if (PortalCommands.IsCommand(args))
{
    Environment.ExitCode = await builder.RunCommandAsync(args);
    return;
}

builder.Services.AddPersistence(builder.Configuration, builder.Environment);
builder.Services.AddPortalSecurity(builder.Configuration, builder.Environment);
builder.Services.AddPortalLocalization();
builder.Services.AddAdministration();
builder.Services.AddStartPages();
builder.Services.AddChildren();
builder.Services.AddConsent();
builder.Services.AddPlans();
builder.Services.AddAssessments();
builder.Services.AddImplementation();
builder.Services.AddLive();
builder.Services.AddAudit();
builder.Services.AddDataExport();
builder.Services.AddRetention(builder.Configuration);
builder.Services.AddIndicators();
builder.Services.AddFollowUp();
builder.Services.AddRadzenComponents();
builder.Services.AddRazorComponents().AddInteractiveServerComponents();

var app = builder.Build();

await app.InitializeDatabaseAsync();
if (await app.TryRunRetentionCommandAsync(args))
{
    return;
}

await app.SeedBenchmarkPlansAsync();

app.UsePortalPipeline();
app.MapStaticAssetsAndPages<App>();

await app.RunAsync();

/// <summary>The entry point, visible to the integration tests' WebApplicationFactory.</summary>
public partial class Program;
