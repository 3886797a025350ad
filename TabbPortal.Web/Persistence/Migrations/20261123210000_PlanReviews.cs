using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace TabbPortal.Web.Persistence.Migrations;

/// <summary>Reviews of the plan with a judgement of every goal (ADR-003).</summary>
[DbContext(typeof(PortalDbContext))]
[Migration("20261123210000_PlanReviews")]
public sealed class PlanReviews : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
            migrationBuilder.Sql("""
                CREATE TABLE "PlanReviews" (
                    "Id" TEXT NOT NULL CONSTRAINT "PK_PlanReviews" PRIMARY KEY,
                    "HeldOn" TEXT NOT NULL,
                    "HeldByName" TEXT NOT NULL,
                    "Notes" TEXT NULL,
                    "NextReviewOn" TEXT NULL,
                    "PlanId" TEXT NOT NULL,
                    CONSTRAINT "FK_PlanReviews_Plans_PlanId" FOREIGN KEY ("PlanId") REFERENCES "Plans" ("Id") ON DELETE CASCADE
                );
                """);

            migrationBuilder.Sql("""
                CREATE TABLE "PlanReviewGoals" (
                    "Id" TEXT NOT NULL CONSTRAINT "PK_PlanReviewGoals" PRIMARY KEY,
                    "GoalId" TEXT NOT NULL,
                    "GoalDescription" TEXT NOT NULL,
                    "Judgement" TEXT NOT NULL,
                    "ReviewId" TEXT NOT NULL,
                    CONSTRAINT "FK_PlanReviewGoals_PlanReviews_ReviewId" FOREIGN KEY ("ReviewId") REFERENCES "PlanReviews" ("Id") ON DELETE CASCADE
                );
                """);

            migrationBuilder.Sql("""
                CREATE INDEX "IX_PlanReviewGoals_ReviewId" ON "PlanReviewGoals" ("ReviewId");
                """);

            migrationBuilder.Sql("""
                CREATE INDEX "IX_PlanReviews_PlanId" ON "PlanReviews" ("PlanId");
                """);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable(name: "PlanReviewGoals");
        migrationBuilder.DropTable(name: "PlanReviews");
    }
}
