using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace TabbPortal.Web.Persistence.Migrations;

/// <summary>Covering indexes for the indicator queries (Persistence/Configurations/ReportingIndexes.cs; ADR-003).</summary>
[DbContext(typeof(PortalDbContext))]
[Migration("20261201131000_ReportingIndexes")]
public sealed class ReportingIndexes : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.Sql("""CREATE INDEX "IX_Children_Id_MunicipalityId" ON "Children" ("Id", "MunicipalityId");""");
        migrationBuilder.Sql("""CREATE INDEX "IX_ChildSupportLevels_ChildId_From_To_Level" ON "ChildSupportLevels" ("ChildId", "From", "To", "Level");""");
        migrationBuilder.Sql("""CREATE INDEX "IX_PlanActions_PlanId_StartOn_DueOn_Status_ResponsibleUnitId" ON "PlanActions" ("PlanId", "StartOn", "DueOn", "Status", "ResponsibleUnitId");""");
        migrationBuilder.Sql("""CREATE INDEX "IX_PlanReviews_PlanId_HeldOn" ON "PlanReviews" ("PlanId", "HeldOn");""");
        migrationBuilder.Sql("""CREATE INDEX "IX_Meetings_PlanId_HeldOn" ON "Meetings" ("PlanId", "HeldOn");""");
        migrationBuilder.Sql("""CREATE INDEX "IX_Concerns_ChildId_RaisedAt" ON "Concerns" ("ChildId", "RaisedAt");""");

        // The new indexes start with these foreign keys, so EF no longer makes a separate index for them.
        migrationBuilder.DropIndex(name: "IX_ChildSupportLevels_ChildId", table: "ChildSupportLevels");
        migrationBuilder.DropIndex(name: "IX_PlanActions_PlanId", table: "PlanActions");
        migrationBuilder.DropIndex(name: "IX_PlanReviews_PlanId", table: "PlanReviews");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.Sql("""CREATE INDEX "IX_PlanReviews_PlanId" ON "PlanReviews" ("PlanId");""");
        migrationBuilder.Sql("""CREATE INDEX "IX_PlanActions_PlanId" ON "PlanActions" ("PlanId");""");
        migrationBuilder.Sql("""CREATE INDEX "IX_ChildSupportLevels_ChildId" ON "ChildSupportLevels" ("ChildId");""");
        migrationBuilder.DropIndex(name: "IX_Concerns_ChildId_RaisedAt", table: "Concerns");
        migrationBuilder.DropIndex(name: "IX_Meetings_PlanId_HeldOn", table: "Meetings");
        migrationBuilder.DropIndex(name: "IX_PlanReviews_PlanId_HeldOn", table: "PlanReviews");
        migrationBuilder.DropIndex(name: "IX_PlanActions_PlanId_StartOn_DueOn_Status_ResponsibleUnitId", table: "PlanActions");
        migrationBuilder.DropIndex(name: "IX_ChildSupportLevels_ChildId_From_To_Level", table: "ChildSupportLevels");
        migrationBuilder.DropIndex(name: "IX_Children_Id_MunicipalityId", table: "Children");
    }
}
