using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace TabbPortal.Web.Persistence.Migrations;

/// <summary>The plan's history: who changed which part and when (ADR-003).</summary>
[DbContext(typeof(PortalDbContext))]
[Migration("20261123220000_PlanChanges")]
public sealed class PlanChanges : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.Sql("""
            CREATE TABLE "PlanChanges" (
                "Id" TEXT NOT NULL CONSTRAINT "PK_PlanChanges" PRIMARY KEY,
                "PlanId" TEXT NOT NULL,
                "Part" TEXT NOT NULL,
                "Summary" TEXT NULL,
                "UserId" TEXT NOT NULL,
                "UserName" TEXT NOT NULL,
                "At" INTEGER NOT NULL,
                CONSTRAINT "FK_PlanChanges_Plans_PlanId" FOREIGN KEY ("PlanId") REFERENCES "Plans" ("Id") ON DELETE CASCADE
            );
            """);

        migrationBuilder.Sql("""
            CREATE INDEX "IX_PlanChanges_PlanId_At" ON "PlanChanges" ("PlanId", "At");
            """);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable(name: "PlanChanges");
    }
}
