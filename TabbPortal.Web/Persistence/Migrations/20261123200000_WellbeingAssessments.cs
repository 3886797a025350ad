using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace TabbPortal.Web.Persistence.Migrations;

/// <summary>Wellbeing assessments per perspective with ratings, the My World triangle and the resilience matrix (ADR-003).</summary>
[DbContext(typeof(PortalDbContext))]
[Migration("20261123200000_WellbeingAssessments")]
public sealed class WellbeingAssessments : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
            migrationBuilder.Sql("""
                CREATE TABLE "WellbeingAssessments" (
                    "Id" TEXT NOT NULL CONSTRAINT "PK_WellbeingAssessments" PRIMARY KEY,
                    "ChildId" TEXT NOT NULL,
                    "AssessedOn" TEXT NOT NULL,
                    "Perspective" TEXT NOT NULL,
                    "GuardianName" TEXT NULL,
                    "RecordedByUserId" TEXT NOT NULL,
                    "RecordedByName" TEXT NOT NULL,
                    "MyWorldGrowingStrengths" TEXT NULL,
                    "MyWorldGrowingConcerns" TEXT NULL,
                    "MyWorldCareStrengths" TEXT NULL,
                    "MyWorldCareConcerns" TEXT NULL,
                    "MyWorldWorldStrengths" TEXT NULL,
                    "MyWorldWorldConcerns" TEXT NULL,
                    "ResilienceResilience" TEXT NULL,
                    "ResilienceVulnerability" TEXT NULL,
                    "ResilienceProtective" TEXT NULL,
                    "ResilienceAdversity" TEXT NULL,
                    CONSTRAINT "FK_WellbeingAssessments_Children_ChildId" FOREIGN KEY ("ChildId") REFERENCES "Children" ("Id") ON DELETE CASCADE
                );
                """);

            migrationBuilder.Sql("""
                CREATE TABLE "WellbeingRatings" (
                    "Id" TEXT NOT NULL CONSTRAINT "PK_WellbeingRatings" PRIMARY KEY,
                    "Indicator" TEXT NOT NULL,
                    "Score" INTEGER NOT NULL,
                    "Comment" TEXT NULL,
                    "AssessmentId" TEXT NOT NULL,
                    CONSTRAINT "FK_WellbeingRatings_WellbeingAssessments_AssessmentId" FOREIGN KEY ("AssessmentId") REFERENCES "WellbeingAssessments" ("Id") ON DELETE CASCADE
                );
                """);

            migrationBuilder.Sql("""
                CREATE INDEX "IX_WellbeingAssessments_ChildId_AssessedOn" ON "WellbeingAssessments" ("ChildId", "AssessedOn");
                """);

            migrationBuilder.Sql("""
                CREATE INDEX "IX_WellbeingRatings_AssessmentId" ON "WellbeingRatings" ("AssessmentId");
                """);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
            migrationBuilder.DropTable(name: "WellbeingRatings");
            migrationBuilder.DropTable(name: "WellbeingAssessments");
    }
}
