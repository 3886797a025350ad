using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace TabbPortal.Web.Persistence.Migrations;

/// <summary>
/// Retention (gallring): the receipts of the runs, which the database keeps unchangeable, and the anonymous statistics
/// kept of each removed plan (ADR-003).
/// </summary>
[DbContext(typeof(PortalDbContext))]
[Migration("20261201110000_Retention")]
public sealed class Retention : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.Sql("""
            CREATE TABLE "RetentionRuns" (
                "Id" TEXT NOT NULL CONSTRAINT "PK_RetentionRuns" PRIMARY KEY,
                "At" INTEGER NOT NULL,
                "ByUserId" TEXT NOT NULL,
                "ByName" TEXT NOT NULL,
                "Rule" TEXT NOT NULL,
                "ClosedPlanYears" INTEGER NOT NULL,
                "DryRun" INTEGER NOT NULL,
                "ChildCount" INTEGER NOT NULL,
                "PlanCount" INTEGER NOT NULL,
                "ChildIds" TEXT NOT NULL
            );
            """);
        migrationBuilder.Sql("""
            CREATE INDEX "IX_RetentionRuns_At" ON "RetentionRuns" ("At");
            """);
        migrationBuilder.Sql("""
            CREATE TRIGGER "TR_RetentionRuns_NoUpdate" BEFORE UPDATE ON "RetentionRuns"
            BEGIN
                SELECT RAISE(ABORT, 'A retention receipt cannot be changed.');
            END;
            """);
        migrationBuilder.Sql("""
            CREATE TRIGGER "TR_RetentionRuns_NoDelete" BEFORE DELETE ON "RetentionRuns"
            BEGIN
                SELECT RAISE(ABORT, 'A retention receipt cannot be deleted.');
            END;
            """);
        migrationBuilder.Sql("""
            CREATE TABLE "RemovedPlanStatistics" (
                "Id" TEXT NOT NULL CONSTRAINT "PK_RemovedPlanStatistics" PRIMARY KEY,
                "MunicipalityId" TEXT NOT NULL,
                "PlanType" TEXT NOT NULL,
                "OpenedMonth" TEXT NOT NULL,
                "ClosedMonth" TEXT NOT NULL,
                "HighestSupportLevel" TEXT NOT NULL,
                "ChildViewsRecorded" INTEGER NOT NULL,
                "SchoolActions" INTEGER NOT NULL,
                "SocialServicesActions" INTEGER NOT NULL,
                "HealthCareActions" INTEGER NOT NULL,
                "Meetings" INTEGER NOT NULL
            );
            """);
        migrationBuilder.Sql("""
            CREATE INDEX "IX_RemovedPlanStatistics_MunicipalityId_ClosedMonth" ON "RemovedPlanStatistics" ("MunicipalityId", "ClosedMonth");
            """);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable(name: "RemovedPlanStatistics");
        migrationBuilder.Sql("""DROP TRIGGER "TR_RetentionRuns_NoDelete";""");
        migrationBuilder.Sql("""DROP TRIGGER "TR_RetentionRuns_NoUpdate";""");
        migrationBuilder.DropTable(name: "RetentionRuns");
    }
}
