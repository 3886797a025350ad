using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TabbPortal.Domain.FollowUp;
using TabbPortal.Domain.Organisations;

namespace TabbPortal.Web.Persistence.Configurations;

internal sealed class EffectResponseConfiguration : IEntityTypeConfiguration<EffectResponse>
{
    public void Configure(EntityTypeBuilder<EffectResponse> builder)
    {
        builder.ToTable("EffectResponses");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.Property(r => r.Kind).HasConversion<string>().HasMaxLength(20);
        builder.HasOne<Organisation>().WithMany().HasForeignKey(r => r.MunicipalityId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(r => new { r.MunicipalityId, r.Month });
        builder.HasMany(r => r.Answers).WithOne().HasForeignKey("ResponseId").IsRequired().OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(r => r.Answers).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class EffectAnswerConfiguration : IEntityTypeConfiguration<EffectAnswer>
{
    public void Configure(EntityTypeBuilder<EffectAnswer> builder)
    {
        builder.ToTable("EffectAnswers");
        builder.Property<Guid>("ResponseId");
        builder.HasKey("ResponseId", nameof(EffectAnswer.QuestionCode));
        builder.Property(a => a.QuestionCode).HasMaxLength(10);
    }
}

internal sealed class AnswerCodeConfiguration : IEntityTypeConfiguration<AnswerCode>
{
    public void Configure(EntityTypeBuilder<AnswerCode> builder)
    {
        builder.ToTable("AnswerCodes");
        builder.HasKey(c => c.Code);
        builder.Property(c => c.Code).HasMaxLength(AnswerCode.Length);
        builder.HasOne<Organisation>().WithMany().HasForeignKey(c => c.MunicipalityId).OnDelete(DeleteBehavior.Restrict);
    }
}
