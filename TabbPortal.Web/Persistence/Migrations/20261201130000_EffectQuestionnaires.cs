using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace TabbPortal.Web.Persistence.Migrations;

/// <summary>Anonymous effect questionnaires: answers (municipality, month, kind of respondent) and the codes handed out at meetings (ADR-003, ADR-010).</summary>
[DbContext(typeof(PortalDbContext))]
[Migration("20261201130000_EffectQuestionnaires")]
public sealed class EffectQuestionnaires : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.Sql("""
            CREATE TABLE "EffectResponses" (
                "Id" TEXT NOT NULL CONSTRAINT "PK_EffectResponses" PRIMARY KEY,
                "Kind" TEXT NOT NULL,
                "MunicipalityId" TEXT NOT NULL,
                "Month" TEXT NOT NULL,
                CONSTRAINT "FK_EffectResponses_Organisations_MunicipalityId" FOREIGN KEY ("MunicipalityId") REFERENCES "Organisations" ("Id") ON DELETE RESTRICT
            );
            """);
        migrationBuilder.Sql("""
            CREATE INDEX "IX_EffectResponses_MunicipalityId_Month" ON "EffectResponses" ("MunicipalityId", "Month");
            """);
        migrationBuilder.Sql("""
            CREATE TABLE "EffectAnswers" (
                "QuestionCode" TEXT NOT NULL,
                "ResponseId" TEXT NOT NULL,
                "Value" INTEGER NOT NULL,
                CONSTRAINT "PK_EffectAnswers" PRIMARY KEY ("ResponseId", "QuestionCode"),
                CONSTRAINT "FK_EffectAnswers_EffectResponses_ResponseId" FOREIGN KEY ("ResponseId") REFERENCES "EffectResponses" ("Id") ON DELETE CASCADE
            );
            """);
        migrationBuilder.Sql("""
            CREATE TABLE "AnswerCodes" (
                "Code" TEXT NOT NULL CONSTRAINT "PK_AnswerCodes" PRIMARY KEY,
                "MunicipalityId" TEXT NOT NULL,
                "Month" TEXT NOT NULL,
                "ValidUntil" TEXT NOT NULL,
                "AnswersLeft" INTEGER NOT NULL,
                CONSTRAINT "FK_AnswerCodes_Organisations_MunicipalityId" FOREIGN KEY ("MunicipalityId") REFERENCES "Organisations" ("Id") ON DELETE RESTRICT
            );
            """);
        migrationBuilder.Sql("""
            CREATE INDEX "IX_AnswerCodes_MunicipalityId" ON "AnswerCodes" ("MunicipalityId");
            """);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable(name: "EffectAnswers");
        migrationBuilder.DropTable(name: "EffectResponses");
        migrationBuilder.DropTable(name: "AnswerCodes");
    }
}
